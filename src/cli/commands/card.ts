import type { Command } from 'commander';
import { personaCardModel } from '../../card/model.ts';
import { cardContent, renderCardText } from '../../card/text.ts';
import { CliError } from '../errors.ts';
import { jsonOption, loadPlaybookForCli, playbookOption } from '../options.ts';

interface CardFlags {
  employees?: string;
  industry?: string;
  revenue?: string;
  companyName?: string;
  lifecycle?: string;
  playbook?: string;
  json?: boolean;
}

const USAGE = 2;

function count(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[,_\s]/g, '');
  const parsed = Number(cleaned);
  if (cleaned === '' || !Number.isFinite(parsed) || parsed < 0) {
    throw new CliError(`${flag} must be a number, e.g. ${flag} 500 (got "${value}").`, USAGE);
  }
  return String(parsed);
}

/** `rolecall card "<title>"`: what the contact card shows for that contact, from the card's own model. */
export async function cardCommand(title: string, flags: CardFlags, now: Date = new Date()): Promise<void> {
  if (title.trim() === '') {
    throw new CliError('Give a job title, e.g. rolecall card "VP of Sales" --employees 500.', USAGE);
  }
  if (flags.lifecycle !== undefined && flags.lifecycle.trim() === '') {
    throw new CliError('--lifecycle needs a stage, e.g. --lifecycle customer.', USAGE);
  }
  const company: Record<string, string | undefined> = {
    name: flags.companyName,
    numberofemployees: count('--employees', flags.employees),
    industry: flags.industry,
    annualrevenue: count('--revenue', flags.revenue),
  };
  const playbook = await loadPlaybookForCli(flags.playbook);
  const contact = { jobtitle: title, lifecyclestage: flags.lifecycle };
  const model = personaCardModel(contact, company, playbook, { now });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(cardContent(model), null, 2)}\n`);
    return;
  }
  process.stdout.write(renderCardText(model));
}

/** Registers `rolecall card`. */
export function registerCard(program: Command): void {
  program
    .command('card')
    .argument('<title>', 'a job title, e.g. "VP of Sales"')
    .description(
      'Print what the contact card shows for a contact with this title (same model as the HubSpot card); no HubSpot needed.',
    )
    .option('--employees <n>', "the company's number of employees")
    .option('--industry <name>', "the company's industry, e.g. COMPUTER_SOFTWARE")
    .option('--revenue <n>', "the company's annual revenue")
    .option('--company-name <name>', "the company's name")
    .option('--lifecycle <stage>', "the contact's lifecycle stage, e.g. customer or lead")
    .addOption(playbookOption('playbook file (default: the shipped one)'))
    .addOption(jsonOption('print the card as JSON fields (lists of the strings a rep reads)'))
    .addHelpText(
      'after',
      '\nExamples:\n  rolecall card "CFO" --employees 500\n  rolecall card "Senior Procurement Manager" --employees 800 --json\n  rolecall card "CFO" --lifecycle customer --playbook my-playbook.yaml\n',
    )
    .action((title: string, flags: CardFlags) => cardCommand(title, flags));
}

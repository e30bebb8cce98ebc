import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { suggest, suggestionsYaml } from '../../insights/suggest.ts';
import type { InsightsReport } from '../../insights/types.ts';
import { writeFileAtomic } from '../../io/output-file.ts';
import { findPersona } from '../../playbook/helpers.ts';
import type { PlaybookIssue } from '../../playbook/issues.ts';
import { DEFAULT_PLAYBOOK_YAML, loadPlaybookFile, PLAYBOOK_SCHEMA_JSON } from '../../playbook/load-file.ts';
import { renderPersona, renderPersonaList, renderRole } from '../../playbook/render.ts';
import { didYouMean } from '../../playbook/text.ts';
import { CliError, UsageError } from '../errors.ts';
import { environmentHelp } from '../help.ts';
import { loadPlaybookForCli, playbookOption } from '../options.ts';
import { playbookPull, playbookPush, type RemoteOptions } from './playbook-remote.ts';

const list = (issues: readonly PlaybookIssue[], mark: string) =>
  issues.map((i) => `  ${mark} ${i.text}`).join('\n');

/** `rolecall playbook check [path]`: every error and warning; exit 1 on errors. */
export async function playbookCheck(path: string | undefined): Promise<void> {
  const file = path ?? DEFAULT_PLAYBOOK_YAML;
  const loaded = await loadPlaybookFile(file);
  if (loaded.unreadable) throw new CliError(loaded.unreadable);
  if (loaded.warnings.length > 0) process.stdout.write(`${list(loaded.warnings, '⚠')}\n`);
  if (!loaded.value) {
    throw new CliError(
      `${file}: ${loaded.errors.length} error(s)\n${list(loaded.errors, '✖')}\nFix them, then run "rolecall playbook check ${file}" again.`,
    );
  }
  const p = loaded.value;
  const customers = p.personas.filter((persona) => persona.match.customer === true).length;
  process.stdout.write(
    `✔ ${file}: playbook ${p.version} is valid (${p.personas.length - customers} personas, ${customers} customer, ${p.negativePersonas.length} negative, ${p.roleRules.length} role rules, ${loaded.warnings.length} warning(s))\n`,
  );
}

/** `rolecall playbook init [path]`: an editable, commented copy of the default. */
export async function playbookInit(path: string | undefined, force: boolean): Promise<void> {
  const target = path ?? 'rolecall-playbook.yaml';
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists && !force)
    throw new CliError(`${target} already exists; pass --force to overwrite it, or choose another path.`);
  // The copy lives elsewhere, so point its editor modeline at the shipped JSON Schema by absolute path.
  const text = await readFile(DEFAULT_PLAYBOOK_YAML, 'utf8');
  writeFileAtomic(target, text.replace('$schema=./playbook.schema.json', `$schema=${PLAYBOOK_SCHEMA_JSON}`));
  process.stdout.write(
    `✔ wrote ${target}: edit it, then run "rolecall playbook check ${target}" and use it with --playbook ${target}\n`,
  );
}

/** `rolecall playbook show [persona]`: one persona's card as text, or the list of personas. */
export async function playbookShow(id: string | undefined, playbookPath: string | undefined): Promise<void> {
  const playbook = await loadPlaybookForCli(playbookPath);
  if (!id) {
    process.stdout.write(renderPersonaList(playbook));
    return;
  }
  const persona = findPersona(playbook, id);
  const role = playbook.roles.find((r) => r.id === id);
  if (!persona && role) {
    process.stdout.write(renderRole(role));
    return;
  }
  if (!persona) {
    const ids = [...playbook.personas, ...playbook.negativePersonas, ...playbook.roles].map((p) => p.id);
    const guess = didYouMean(id, ids);
    throw new CliError(
      `No persona "${id}"${guess ? `; did you mean "${guess}"?` : '.'} Run "rolecall playbook show" to list them.`,
    );
  }
  process.stdout.write(renderPersona(persona, playbook));
}

/** `rolecall playbook suggest --from insights.json`: a commented YAML diff; the playbook itself is not touched. */
export async function playbookSuggest(flags: {
  from: string;
  out: string;
  playbook?: string;
}): Promise<void> {
  const text = await readFile(flags.from, 'utf8').catch(() => {
    throw new UsageError(`Cannot read ${flags.from}; write it with "rolecall insights --out ${flags.from}".`);
  });
  let report: InsightsReport;
  try {
    report = JSON.parse(text) as InsightsReport;
  } catch {
    throw new UsageError(`${flags.from} is not JSON; write it with "rolecall insights --out ${flags.from}".`);
  }
  if (!report || !Array.isArray(report.findings) || typeof report.deals?.won !== 'number' || !report.period) {
    throw new UsageError(
      `${flags.from} is not a rolecall insights file; write one with "rolecall insights --out ${flags.from}".`,
    );
  }
  const playbook = await loadPlaybookForCli(flags.playbook);
  const suggestions = suggest(report, playbook);
  writeFileAtomic(
    flags.out,
    suggestionsYaml(suggestions, report, {
      from: flags.from,
      playbook: flags.playbook ?? `the built-in default (version ${playbook.version})`,
    }),
  );
  process.stdout.write(
    `✔ wrote ${flags.out}: ${suggestions.length} suggested change(s), none applied. Review and edit it, apply what you keep to your playbook, then run "rolecall playbook check".\n`,
  );
}

/** Registers `rolecall playbook check|init|show|suggest`. */
export function registerPlaybook(program: Command): void {
  const playbook = program
    .command('playbook')
    .description('Check, create and read playbooks (personas, roles, rules).');
  playbook
    .command('check [path]')
    .description('Validate a playbook file (default: the shipped one); exit 1 with every error.')
    .action((path?: string) => playbookCheck(path));
  playbook
    .command('init [path]')
    .description(
      'Write an editable copy of the default playbook, with comments (default: rolecall-playbook.yaml).',
    )
    .option('--force', 'overwrite an existing file', false)
    .action((path: string | undefined, options: { force: boolean }) => playbookInit(path, options.force));
  playbook
    .command('show [id]')
    .description("Print a persona card (or a role's guidance) as text; without an id, list them.")
    .addOption(playbookOption('playbook file (default: the shipped one)'))
    .action((id: string | undefined, options: { playbook?: string }) => playbookShow(id, options.playbook));
  playbook
    .command('suggest')
    .description(
      'Write playbook changes the won/lost evidence supports, as commented YAML (nothing is applied).',
    )
    .requiredOption('--from <insights.json>', 'the saved analysis ("rolecall insights --out insights.json")')
    .option('--out <file>', 'where to write the suggestions', 'playbook-suggestions.yaml')
    .addOption(playbookOption('the playbook to compare with (default: the shipped one)'))
    .action((options: { from: string; out: string; playbook?: string }) => playbookSuggest(options));
  const remote = (verb: 'pull' | 'push', description: string, run: typeof playbookPull) =>
    playbook
      .command(`${verb} <file>`)
      .description(description)
      .option('--server <url>', 'the rolecall backend (default: ROLECALL_PUBLIC_URL)')
      .option('--portal <id>', 'the HubSpot account id whose playbook this is')
      .addHelpText(
        'after',
        environmentHelp(
          ['ROLECALL_PUBLIC_URL', 'HUBSPOT_CLIENT_SECRET'],
          [
            `ROLECALL_PUBLIC_URL=https://rolecall.example.com HUBSPOT_CLIENT_SECRET=… rolecall playbook ${verb} playbook.yaml --portal 123456`,
            `rolecall playbook ${verb} playbook.yaml --server https://rolecall.example.com --portal 123456   # secret exported`,
          ],
        ),
      )
      .action((file: string, options: RemoteOptions) => run(file, options));
  remote('pull', "Write a portal's current playbook (from rolecall serve) to a YAML file.", playbookPull);
  remote('push', "Check a playbook file, then save it as the portal's newest version.", playbookPush);
}

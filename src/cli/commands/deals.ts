import type { Command } from 'commander';
import { classify } from '../../classify/classify.ts';
import type { DealEvaluation } from '../../deals/evaluate.ts';
import { DealAudit } from '../../tag/deals/deal-audit.ts';
import { loadDealContext, type ScannedDeal, scanDeals } from '../../tag/deals/deal-scan.ts';
import { BUYING_ROLES, type BuyingRole } from '../../taxonomy.ts';
import { CliError, EXIT, UsageError } from '../errors.ts';
import { dbOption, jsonOption, playbookOption } from '../options.ts';
import {
  addBackendOptions,
  addPortalOptions,
  openCommandSession,
  type PortalFlags,
  portalHelp,
} from '../portal.ts';
import { printDealCard } from './deal-card.ts';
import { exitSoonAfterTimeouts } from './tag.ts';

interface DealsFlags extends PortalFlags {
  missing?: string;
  pipeline?: string;
  closed?: boolean;
  singleThreaded?: boolean;
  candidates?: boolean;
  card?: string;
  json?: boolean;
  playbook?: string;
}

/** `rolecall deals`: each open deal's buying group — required roles, filled, missing, engaged. */
export function registerDeals(program: Command): void {
  const command = program
    .command('deals')
    .description(
      "Show each open deal's buying group: roles required, filled, missing and engaged (reads only).",
    )
    .option(
      '--missing <role>',
      `only deals missing this role (${BUYING_ROLES.filter((r) => r !== 'other').join(', ')})`,
    )
    .option('--pipeline <id|label>', 'only deals in this pipeline')
    .option('--single-threaded', 'only deals one contact carries')
    .option('--closed', 'closed deals too')
    .option('--candidates', 'for each missing role, people at the company to bring in (more API reads)')
    .option('--card <dealId>', 'one deal as the HubSpot deal card shows it (with --json: the card model)')
    .addOption(jsonOption('one JSON object per deal per line on stdout, nothing else'))
    .addOption(dbOption('audit log (knows which labels rolecall set)'))
    .addOption(playbookOption('playbook with the roles each kind and size of deal needs'));
  addBackendOptions(addPortalOptions(command))
    .addHelpText(
      'after',
      portalHelp([
        'rolecall deals --missing economic_buyer --json   # open deals without an economic buyer',
        'rolecall deals --pipeline "Sales Pipeline" --single-threaded',
        'rolecall deals --sandbox --candidates             # try it on local sample data',
        'rolecall deals --card 1234                        # one deal as the deal card shows it',
      ]),
    )
    .action(async (flags: DealsFlags) => {
      const missing = flags.missing?.trim();
      if (missing !== undefined && !(BUYING_ROLES as readonly string[]).includes(missing)) {
        throw new UsageError(
          `--missing must be a buying role id: ${BUYING_ROLES.join(', ')}; got "${missing}". Example: --missing economic_buyer.`,
        );
      }
      const session = await openCommandSession('deals', flags, { portalPlaybook: true });
      try {
        const gateway = session.connection.gateway;
        const context = await loadDealContext(gateway, session.playbook);
        if (!context.ok) throw new CliError(context.error.message);
        const pipeline = flags.pipeline?.trim().toLowerCase();
        if (
          pipeline &&
          !context.value.pipelines.some(
            (p) => p.id.toLowerCase() === pipeline || p.label.toLowerCase() === pipeline,
          )
        ) {
          throw new UsageError(
            `--pipeline "${flags.pipeline}" is not a deal pipeline of this portal; use one of: ${context.value.pipelines.map((p) => `${p.id} ("${p.label}")`).join(', ')}.`,
          );
        }
        const audit = new DealAudit(session.db.db, session.connection.target);
        if (flags.card !== undefined) {
          await printDealCard({
            gateway,
            playbook: session.playbook,
            dealId: flags.card.trim(),
            owned: (ids) => audit.ownedLabels(ids),
            json: flags.json === true,
          });
          process.exitCode = EXIT.ok;
          return;
        }
        let shown = 0;
        for await (const step of scanDeals({
          gateway,
          playbook: session.playbook,
          classify,
          context: context.value,
          now: Date.now(),
          ...(flags.closed ? { includeClosed: true } : {}),
          ...(flags.candidates ? { withCandidates: true } : {}),
          owned: (ids) => audit.ownedLabels(ids),
        })) {
          if (!step.ok) throw new CliError(step.error.message);
          for (const deal of step.value) {
            const e = deal.evaluation;
            if (missing && !e.missing.includes(missing as BuyingRole)) continue;
            if (flags.singleThreaded && !e.singleThreaded) continue;
            if (pipeline) {
              const p = context.value.pipelines.find((x) => x.id === e.pipeline);
              if (e.pipeline.toLowerCase() !== pipeline && p?.label.toLowerCase() !== pipeline) continue;
            }
            shown += 1;
            process.stdout.write(flags.json ? `${JSON.stringify(dealJson(deal))}\n` : dealText(deal));
          }
        }
        if (!flags.json) process.stdout.write(`${shown} deal${shown === 1 ? '' : 's'}.\n`);
        process.exitCode = EXIT.ok;
      } finally {
        await session.close();
        exitSoonAfterTimeouts(session);
      }
    });
}

/** The JSON of one deal (`rolecall deals --json`). */
export function dealJson(deal: ScannedDeal): Record<string, unknown> {
  const e: DealEvaluation = deal.evaluation;
  return {
    id: e.id,
    name: e.name,
    amount: e.amount,
    stage: e.stage,
    ...(e.stageLabel ? { stageLabel: e.stageLabel } : {}),
    pipeline: e.pipeline,
    kind: e.kind,
    sizeBand: e.sizeBand,
    open: e.open,
    required: e.required,
    filled: e.filled,
    missing: e.missing,
    engaged: e.engaged,
    completeness: e.completeness,
    singleThreaded: e.singleThreaded,
    contacts: e.contacts.map((c) => ({
      id: c.id,
      ...(c.name ? { name: c.name } : {}),
      title: c.title ?? null,
      role: c.role,
      setBy: c.setBy,
      why: c.why,
      lastActivity: c.lastActivity === null ? null : new Date(c.lastActivity).toISOString(),
      engaged: c.engaged,
    })),
    ...(deal.candidates ? { candidates: deal.candidates } : {}),
  };
}

const money = (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en'));

function dealText(deal: ScannedDeal): string {
  const e = deal.evaluation;
  const lines = [
    `${e.name} (${e.id})  ${money(e.amount)}  ${e.stageLabel ?? e.stage}  ${e.kind}/${e.sizeBand}  ${e.completeness}% complete${e.singleThreaded ? '  ⚠ single-threaded' : ''}`,
    `  missing: ${e.missing.join(', ') || 'none'}   engaged (30 days): ${e.engaged.join(', ') || 'none'}`,
    ...e.contacts.map(
      (c) =>
        `  · ${c.name ?? c.id}${c.title ? `, ${c.title}` : ''} → ${c.role ?? 'no role'}${c.setBy === 'person' ? ' (set by a person)' : ''}${c.engaged ? '' : ' · quiet'}`,
    ),
    ...Object.entries(deal.candidates ?? {}).flatMap(([role, list]) =>
      list.length === 0
        ? []
        : [`  bring in for ${role}: ${list.map((c) => `${c.name ?? c.id} (${c.why})`).join('; ')}`],
    ),
  ];
  return `${lines.join('\n')}\n`;
}

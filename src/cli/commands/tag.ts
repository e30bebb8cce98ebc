import { dirname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { DELIMITER_HELP } from '../../io/csv-delimiter.ts';
import { applyPlanFile } from '../../tag/apply-plan.ts';
import { DEFAULT_DB_PATH } from '../../tag/audit-db.ts';
import { parseFilters } from '../../tag/filters.ts';
import { runOfflineCsv } from '../../tag/offline-csv.ts';
import { newRunId, type Session } from '../../tag/session.ts';
import { type TagCommandResult, tagCommand, writeRunReport } from '../../tag/tag-command.ts';
import { namedBackend } from '../backend.ts';
import { CliError, delimiterFlag, EXIT, UsageError } from '../errors.ts';
import { dbOption, jsonOption, loadPlaybookForCli, playbookOption } from '../options.ts';
import {
  addBackendOptions,
  addPortalOptions,
  openCommandSession,
  type PortalFlags,
  portalHelp,
} from '../portal.ts';
import { fetchPortalPlaybook } from '../portal-playbook.ts';

interface TagFlags extends PortalFlags {
  dryRun?: boolean;
  filter: string[];
  ids?: string;
  onlyEmpty?: boolean;
  minConfidence?: string;
  resume?: string | boolean;
  report?: string;
  plan?: string;
  json?: boolean;
  playbook?: string;
  csv?: string;
  apply?: string;
  out?: string;
  chunkSize?: string;
  delimiter?: string;
  server?: string;
  portal?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * After requests that timed out, their sockets stay open until the HTTP stack gives up (minutes): once
 * the command has said everything, exit then instead. The timer does not keep a finished process alive.
 */
export function exitSoonAfterTimeouts(session: Session): void {
  if (session.connection.gateway.metrics().timeouts === 0) return;
  setTimeout(() => process.exit(), 1000).unref();
}

function parseConfidence(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--min-confidence ${raw} must be a number from 0 to 1, e.g. --min-confidence 0.6.`);
  }
  return value;
}

/** `rolecall tag`: classify contacts and write roles and personas, safely and resumably. */
export function registerTag(program: Command): void {
  const command = program
    .command('tag')
    .description('Classify contacts and write persona, buying role, seniority and function to HubSpot.')
    .option('--dry-run', 'write the plan (CSV and JSON) and change nothing')
    .addOption(
      new Option(
        '--filter <expr>',
        'only contacts where prop=value (also !=, >, >=, <, <=, ~token, prop?, !prop); repeatable',
      )
        .argParser(collect)
        .default([], 'none'),
    )
    .option('--ids <file>', 'only the contacts whose ids are listed in this file (one per line)')
    .option('--only-empty', 'only fill properties that are empty')
    .option('--min-confidence <n>', 'skip contacts classified with less confidence (0..1)')
    .option('--resume [run-id]', 'continue an interrupted run (default: the newest unfinished one)')
    .addOption(dbOption('audit log and checkpoints'))
    .option('--report <path>', 'HTML report path (default: next to the database)')
    .option('--plan <path>', 'dry-run plan path without extension (default: next to the database)')
    .addOption(jsonOption('print one JSON object on stdout and nothing else'))
    .option('--no-deals', 'leave deals alone: no contact↔deal labels, no deal properties')
    .addOption(
      playbookOption("playbook YAML or JSON (default: the portal's saved playbook, else the built-in one)"),
    )
    .option('--csv <export.csv>', 'offline: read a HubSpot contacts export instead of the API')
    .option(
      '--out <import.csv>',
      'offline: the file to import into HubSpot (written only if the run succeeds)',
    )
    .option('--delimiter <char>', `offline: CSV separator, ${DELIMITER_HELP} (default: read from the header)`)
    .option('--apply <plan.json>', "apply a dry run's plan exactly (values changed since are skipped)")
    .addOption(new Option('--chunk-size <n>', 'contacts per checkpoint').hideHelp());
  addBackendOptions(addPortalOptions(command))
    .addHelpText(
      'after',
      portalHelp(
        [
          'HUBSPOT_ACCESS_TOKEN=pat-na1-… rolecall tag --dry-run   # writes a plan, changes nothing',
          'rolecall tag --apply .rolecall/plan-<run-id>.json       # applies exactly that plan',
          'rolecall tag --sandbox --filter lifecyclestage=lead     # local sample data, no token',
          'rolecall tag --csv export.csv --out import.csv          # offline: no token, no API',
          "ROLECALL_PUBLIC_URL=https://… HUBSPOT_CLIENT_SECRET=… rolecall tag   # the portal's saved playbook",
        ],
        { backend: true },
      ),
    )
    .action(async (flags: TagFlags) => {
      const { minConfidence: rawConfidence, chunkSize, delimiter: rawDelimiter, ...rest } = flags;
      const minConfidence = parseConfidence(rawConfidence);
      if (rawDelimiter !== undefined && !flags.csv) {
        throw new UsageError(
          '--delimiter needs --csv, e.g. rolecall tag --csv export.csv --out import.csv --delimiter ";".',
        );
      }
      if (flags.csv || flags.out) {
        const { playbook, server: _server, portal: _portal, ...offlineFlags } = rest;
        const offline = await runOfflineCsv({
          ...offlineFlags,
          playbook: await loadPlaybookForCli(playbook),
          delimiter: delimiterFlag(rawDelimiter),
          ...(minConfidence !== undefined ? { minConfidence } : {}),
        });
        if (!offline.ok) throw new CliError(offline.message);
        const { counts } = offline;
        process.stdout.write(
          flags.json
            ? `${JSON.stringify({ ...counts, out: offline.out })}\n`
            : `Read ${counts.rows} contacts: ${counts.changed} to import, ${counts.unchanged} unchanged, ${counts.manual} set by a person, ${counts.lowConfidence} below min confidence.\nImport ${offline.out} in HubSpot (Contacts › Import), matching on Record ID.\n`,
        );
        process.exitCode = EXIT.ok;
        return;
      }
      if (flags.ids && flags.filter.length > 0) throw new UsageError('Use --ids or --filter, not both.');
      const filters = parseFilters(flags.filter);
      if (!filters.ok) throw new UsageError(filters.message);
      const session = await openCommandSession('tag', flags, { portalPlaybook: true });
      if (flags.apply) {
        try {
          process.exitCode = await applyPlan(session, flags, flags.apply);
        } finally {
          await session.close();
        }
        return;
      }
      let stops = 0;
      const onSigint = () => {
        stops += 1;
        if (stops > 1) process.exit(EXIT.workRemains);
        process.stderr.write(
          '\nStopping after the current batch… (Ctrl-C again to quit now; "rolecall tag --resume" continues)\n',
        );
      };
      process.on('SIGINT', onSigint);
      try {
        const { server: _server, portal: _portal, ...runFlags } = rest;
        const source = session.playbookSource;
        const backend =
          source?.kind === 'portal' ? namedBackend({ server: source.server }, process.env) : null;
        const result = await tagCommand(session, {
          ...runFlags,
          ...(backend && source?.kind === 'portal'
            ? {
                portalVersion: async (version: number) =>
                  (await fetchPortalPlaybook(backend, source.portal, version)).playbook,
              }
            : {}),
          ...(minConfidence !== undefined ? { minConfidence } : {}),
          dbPath: flags.db,
          ...(chunkSize ? { chunkSize: Number(chunkSize) } : {}),
          progress: flags.json ? 'silent' : process.stderr.isTTY ? 'bar' : 'lines',
          shouldStop: () => stops > 0,
        });
        process.exitCode = report(result, flags);
      } finally {
        process.off('SIGINT', onSigint);
        await session.close();
        exitSoonAfterTimeouts(session);
      }
    });
}

/** Quotes a shell word only when it needs it, so a printed command can be pasted as is. */
function shellWord(word: string): string {
  return /^[\w./:@%+=-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The flags that point a follow-up command at the same portal and audit log as this one. */
function sameTarget(flags: PortalFlags): string {
  const words = [
    ...(flags.db !== DEFAULT_DB_PATH ? ['--db', flags.db] : []),
    ...(flags.sandbox ? ['--sandbox'] : []),
    ...(flags.baseUrl ? ['--base-url', flags.baseUrl] : []),
  ];
  return words.map((word) => ` ${shellWord(word)}`).join('');
}

async function applyPlan(session: Session, flags: TagFlags, path: string): Promise<number> {
  const json = Boolean(flags.json);
  const runId = newRunId();
  session.db.createRun({
    id: runId,
    kind: 'tag',
    target: session.connection.target,
    options: { apply: path },
  });
  const summary = await applyPlanFile(
    session.connection.gateway,
    session.db,
    path,
    runId,
    session.connection.target,
  );
  session.db.finishRun(runId, summary.status, { ...summary, metrics: session.connection.gateway.metrics() });
  if (summary.problem) throw new CliError(summary.problem);
  // The apply run recorded the contacts it wrote as its dry run classified them: its report is of what it applied.
  const reportPath = flags.report ?? join(dirname(flags.db), `report-${runId}.html`);
  const reported = writeRunReport(
    session.db,
    runId,
    session.playbook,
    reportPath,
    session.playbookSource ?? undefined,
  );
  const code = summary.status === 'done' && summary.failed === 0 ? EXIT.ok : EXIT.error;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ...summary, error: summary.error?.message, ...(reported ? { reportPath } : {}), exitCode: code })}\n`,
    );
    return code;
  }
  const deals = summary.deals;
  process.stdout.write(
    `Applied plan ${path} as run ${runId}: ${summary.status}\n  wrote ${summary.propertiesWritten} values on ${summary.contactsWritten} of ${summary.contacts} planned contacts\n  skipped: ${summary.skippedChangedSince} values changed since the dry run, ${summary.skippedByPerson} edited by a person, ${summary.alreadyThere} already in place\n`,
  );
  if (deals.deals > 0)
    process.stdout.write(
      `  deals: ${deals.deals} planned, ${deals.labelsWritten} labels written (${deals.labelsRemoved} of rolecall's removed), ${deals.dealPropertiesWritten} deal values\n  deals skipped: ${deals.labelsSkippedByPerson} labels a person set since, ${deals.dealSkippedChangedSince} changed since the dry run, ${deals.dealAlreadyThere} already in place\n`,
    );
  if (reported) process.stdout.write(`  report: ${reportPath}\n`);
  if (summary.propertiesWritten + deals.labelsWritten + deals.dealPropertiesWritten > 0)
    process.stdout.write(`Undo: rolecall undo ${runId}${sameTarget(flags)}\n`);
  if (summary.error)
    process.stderr.write(
      `✖ ${summary.error.message}\nApplying the same plan again is safe: values already written are skipped.\n`,
    );
  return code;
}

function report(result: TagCommandResult, flags: TagFlags): number {
  const json = Boolean(flags.json);
  if (result.problem) throw new CliError(result.problem);
  for (const warning of result.warnings ?? []) process.stderr.write(`⚠ ${warning}\n`);
  const summary = result.summary!;
  const code =
    summary.status === 'stopped'
      ? EXIT.workRemains
      : summary.status === 'failed' || summary.failed > 0
        ? EXIT.error
        : EXIT.ok;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({
        ...summary,
        labelsWritten: result.deals?.labelsWritten ?? 0,
        ...(summary.dryRun && result.deals
          ? {
              dealLabelsPlanned: result.deals.labelsWritten,
              dealPropertiesPlanned: result.deals.dealPropertiesWritten,
            }
          : {}),
        rereadBatches: result.rereadBatches ?? 0,
        ...(result.deals ? { deals: result.deals } : {}),
        reportPath: result.reportPath,
        plan: result.planPaths,
        ...(result.playbookSource ? { playbook: result.playbookSource } : {}),
        exitCode: code,
      })}\n`,
    );
    return code;
  }
  const lines = [
    `${summary.dryRun ? 'Dry run' : 'Run'} ${summary.runId}: ${summary.status} in ${summary.seconds.toFixed(1)} s`,
    `  contacts read: ${summary.processed}`,
    `  ${summary.dryRun ? 'would change' : 'changed'}: ${summary.dryRun ? summary.contactsChanged : summary.contactsWritten} contacts${summary.dryRun ? '' : ` (${summary.propertiesWritten} values)`}`,
    `  unchanged: ${summary.skipped.unchanged}, set by a person (skipped): ${summary.skipped.manual}, below min confidence: ${summary.skipped.low_confidence}, with protected values: ${summary.protectedContacts}`,
    ...(summary.missing
      ? [
          `  not found in HubSpot: ${summary.missing.count} ids from --ids (${summary.missing.first.join(', ')}${summary.missing.count > summary.missing.first.length ? ', …' : ''})`,
        ]
      : []),
    ...(summary.failed > 0
      ? [`  failed: ${summary.failed} (first: ${summary.failures[0]?.message ?? ''})`]
      : []),
    ...(result.deals
      ? [
          `  deals: ${result.deals.dealsEvaluated} open deals, ${summary.dryRun ? 'would change' : 'changed'} ${result.deals.dealsChanged}: ${result.deals.labelsWritten} labels${result.deals.labelsRemoved ? ` (${result.deals.labelsRemoved} of rolecall's removed)` : ''}, ${result.deals.dealPropertiesWritten} deal values`,
        ]
      : []),
    ...(result.rereadBatches
      ? [`  read back after a lost answer (not sent twice): ${result.rereadBatches} batches`]
      : []),
    ...(result.planPaths ? [`  plan: ${result.planPaths.csv} and ${result.planPaths.json}`] : []),
    ...(result.reportPath ? [`  report: ${result.reportPath}`] : []),
  ];
  if (summary.dryRun && result.planPaths && summary.status === 'done') {
    lines.push(`Next: rolecall tag --apply ${shellWord(result.planPaths.json)}${sameTarget(flags)}`);
  } else if (!summary.dryRun && (summary.propertiesWritten > 0 || (result.deals?.labelsWritten ?? 0) > 0)) {
    lines.push(`Undo: rolecall undo ${summary.runId}${sameTarget(flags)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (summary.error) process.stderr.write(`✖ ${summary.error.message}\n`);
  // A dry run cannot resume: it is simply run again.
  if (!summary.dryRun && (code === EXIT.workRemains || summary.status === 'failed')) {
    process.stderr.write(
      `Work remains: run "rolecall tag --resume ${summary.runId}${sameTarget(flags)}" to continue.\n`,
    );
  }
  return code;
}

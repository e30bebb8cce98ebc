import { dirname, join } from 'node:path';
import { classify } from '../classify/classify.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { NATIVE_PROPERTIES } from '../hubspot/properties.ts';
import { setupPortal } from '../hubspot/setup.ts';
import { loadPlaybookOrDefault } from '../playbook/load-file.ts';
import type { Playbook } from '../playbook/schema.ts';
import { describePlaybookSource, type PlaybookSource } from '../playbook/source.ts';
import type { AuditDb, RunRow } from './audit-db.ts';
import { type DealPhaseSummary, runDealPhase } from './deals/deal-phase.ts';
import { parseFilters } from './filters.ts';
import { readIdsFile } from './ids-file.ts';
import { PlanFile } from './plan-file.ts';
import { createProgress, type ProgressMode } from './progress.ts';
import { playbookReview, reportData } from './report/report-data.ts';
import { writeReport } from './report/report-html.ts';
import { progressOf, runTag, type TagProgress, type TagSummary } from './run-tag.ts';
import { newRunId, type Session } from './session.ts';
import { allContacts, type ContactSource, contactsById, filteredContacts } from './source.ts';

/** The options of a tag run that `--resume` restores. */
export interface TagRunOptions {
  filter?: string[];
  ids?: string;
  onlyEmpty?: boolean;
  minConfidence?: number;
  playbook?: string;
  /** Which playbook the run used (a portal's saved version is named by its number). */
  playbookSource?: PlaybookSource;
}

export interface TagCommandInput extends TagRunOptions {
  dryRun?: boolean;
  /** A run id, or true for the newest unfinished run. */
  resume?: string | boolean;
  dbPath: string;
  report?: string;
  plan?: string;
  chunkSize?: number;
  progress: ProgressMode;
  shouldStop?: () => boolean;
  /** false (`--no-deals`): leave deal labels and deal properties alone. */
  deals?: boolean;
  /** A portal's saved playbook version by number: a resumed run keeps the version it started with. */
  portalVersion?: (version: number) => Promise<Playbook>;
}

export interface TagCommandResult {
  summary?: TagSummary;
  /** The deal phase of a full run: labels on contact↔deal associations and deal properties. */
  deals?: DealPhaseSummary;
  reportPath?: string;
  planPaths?: { csv: string; json: string };
  /** Write batches read back after their answer was lost, so only what had not landed was sent again. */
  rereadBatches?: number;
  /** A sentence for people when the run could not start. */
  problem?: string;
  /** Things people should know that did not stop the run (e.g. missing hs_persona options). */
  warnings?: string[];
  /** The playbook the run used. */
  playbookSource?: PlaybookSource;
}

interface Preflight {
  problem?: string;
  warnings: string[];
  /** `hs_persona` options the portal has: rolecall writes no other value there. */
  allowedValues?: Map<string, Set<string>>;
}

/** Checks the portal is set up for this playbook; a real run refuses to start when it is not. */
async function preflight(
  gateway: Gateway,
  playbook: Playbook,
  dryRun: boolean,
  target: string,
): Promise<Preflight> {
  const check = await setupPortal(gateway, playbook, true, target);
  if (check.error) return { problem: check.error.message, warnings: [] };
  const warnings = check.steps.flatMap((step) =>
    step.action === 'warn' || step.action === 'conflict' ? [step.message] : [],
  );
  const missing = check.steps
    .filter((step) => step.action !== 'ok' && step.action !== 'warn')
    .map((step) => step.name);
  if (missing.length > 0) {
    const message = `The portal is not set up for this playbook (${missing.join(', ')}). Run "rolecall setup" first.`;
    if (!dryRun) return { problem: message, warnings };
    warnings.push(message);
  }
  const persona = await gateway.getProperty('contacts', NATIVE_PROPERTIES.persona);
  if (!persona.ok) return { problem: persona.error.message, warnings };
  const options = new Set((persona.value?.options ?? []).map((option) => option.value));
  return { warnings, allowedValues: new Map([[NATIVE_PROPERTIES.persona, options]]) };
}

async function buildSource(
  gateway: Gateway,
  options: TagRunOptions,
): Promise<{ source: ContactSource; total?: number } | string> {
  if (options.ids) {
    const ids = await readIdsFile(options.ids);
    return ids.ok ? { source: contactsById(gateway, ids.ids), total: ids.ids.length } : ids.message;
  }
  const parsed = parseFilters(options.filter ?? []);
  if (!parsed.ok) return parsed.message;
  for (const name of new Set(parsed.filters.map((filter) => filter.propertyName))) {
    const property = await gateway.getProperty('contacts', name);
    if (!property.ok) return property.error.message;
    if (!property.value) {
      return `--filter names a contact property HubSpot does not have: "${name}". Use its internal name (HubSpot › Settings › Properties, e.g. jobtitle), then run the command again.`;
    }
  }
  const count = await gateway.countContacts(parsed.filters);
  const total = count.ok ? count.value : undefined;
  const source = parsed.filters.length > 0 ? filteredContacts(gateway, parsed.filters) : allContacts(gateway);
  return total === undefined ? { source } : { source, total };
}

function findResumable(session: Session, resume: string | boolean): RunRow | string {
  const run = typeof resume === 'string' ? session.db.getRun(resume) : session.db.latestUnfinished();
  if (!run)
    return typeof resume === 'string'
      ? `No run "${resume}". See "rolecall runs".`
      : 'No unfinished tag run to resume. Start one with "rolecall tag".';
  if (run.kind !== 'tag') return `Run ${run.id} is a ${run.kind} run; only tag runs resume.`;
  if (run.status === 'done') return `Run ${run.id} already finished; nothing to resume.`;
  if (session.db.shownStatus(run) === 'running') {
    return `Run ${run.id} is still running (process ${run.pid}). Stop it first (Ctrl-C), then resume it.`;
  }
  if (run.target !== session.connection.target) {
    return `Run ${run.id} ran against ${run.target}, not ${session.connection.target}. Use the same HUBSPOT_ACCESS_TOKEN and --base-url.`;
  }
  return run;
}

/**
 * A resumed run's totals cover every session: what the audit log holds as written, and how each contact
 * seen by the run was planned (a contact seen twice across a kill counts once).
 */
function wholeRunTotals(db: AuditDb, summary: TagSummary): void {
  const totals = db.runTotals(summary.runId);
  const planned = (outcome: string) => totals.outcomes[outcome] ?? 0;
  summary.contactsWritten = totals.contactsWritten;
  summary.propertiesWritten = totals.propertiesWritten;
  summary.processed = Math.max(summary.processed, totals.seen);
  // The per-contact outcomes of the audit log are the one source: a contact written by a session that was
  // killed before its checkpoint is recorded as changed when the resume sees it again.
  summary.contactsChanged = planned('changed');
  summary.skipped = {
    manual: planned('manual'),
    low_confidence: planned('low_confidence'),
    unchanged: planned('unchanged'),
  };
}

/** `rolecall tag` as a function: plan, apply (or write the plan), checkpoint, report. */
export async function tagCommand(session: Session, input: TagCommandInput): Promise<TagCommandResult> {
  const { db, connection } = session;
  let playbook = session.playbook;
  // A resumed run reloads its playbook file: its warnings are shown like any other.
  let resumeWarnings: string[] = [];
  let runId: string;
  let options: TagRunOptions;
  let cursor: string | undefined;
  let already: Partial<TagProgress> | undefined;
  const resuming = Boolean(input.resume);
  if (input.resume) {
    const run = findResumable(session, input.resume);
    if (typeof run === 'string') return { problem: run };
    runId = run.id;
    options = JSON.parse(run.options) as TagRunOptions;
    cursor = run.cursor ?? undefined;
    already = run.stats ? progressOf(JSON.parse(run.stats) as TagProgress) : undefined;
    if (options.playbook) {
      const loaded = await loadPlaybookOrDefault(options.playbook);
      resumeWarnings = loaded.warnings;
      if (!loaded.ok) return { problem: loaded.message, warnings: loaded.warnings };
      playbook = loaded.playbook;
    }
    const started = options.playbookSource;
    const now = session.playbookSource;
    if (started?.kind === 'portal' && (now?.kind !== 'portal' || now.version !== started.version)) {
      if (!input.portalVersion)
        return {
          problem: `Run ${runId} used ${describePlaybookSource(started)}; resume it with the same backend (--server ${started.server}).`,
        };
      playbook = await input.portalVersion(started.version);
      resumeWarnings.push(
        `Resuming with the playbook version the run started with (${started.version}), not the portal's current one.`,
      );
    }
    db.reopenRun(runId);
  } else {
    runId = newRunId();
    options = {
      ...(input.filter?.length ? { filter: input.filter } : {}),
      ...(input.ids ? { ids: input.ids } : {}),
      ...(input.onlyEmpty ? { onlyEmpty: true } : {}),
      ...(input.minConfidence !== undefined ? { minConfidence: input.minConfidence } : {}),
      ...(input.playbook ? { playbook: input.playbook } : {}),
      ...(session.playbookSource ? { playbookSource: session.playbookSource } : {}),
    };
  }
  const ready = await preflight(connection.gateway, playbook, Boolean(input.dryRun), connection.target);
  ready.warnings.unshift(...resumeWarnings);
  if (ready.problem) return { problem: ready.problem, warnings: ready.warnings };
  const built = await buildSource(connection.gateway, options);
  if (typeof built === 'string') return { problem: built };
  if (!resuming) {
    // For links in the report; a run does not need it, so a failure only costs the links.
    const account = await connection.gateway.accountDetails();
    const kind = input.dryRun ? 'dry-run' : 'tag';
    const portal = account.ok ? account.value : null;
    db.createRun({ id: runId, kind, target: connection.target, options, portal });
  }
  const outDir = dirname(input.dbPath);
  const planFile = input.dryRun ? new PlanFile(input.plan ?? join(outDir, `plan-${runId}`)) : undefined;
  const progress = createProgress(
    input.progress,
    built.total,
    process.stderr,
    5000,
    Boolean(input.dryRun),
    already?.processed ?? 0,
  );
  const summary = await runTag({
    gateway: connection.gateway,
    db,
    playbook,
    classify,
    source: built.source,
    runId,
    ...(cursor ? { cursor } : {}),
    resuming,
    ...(already ? { already } : {}),
    ...(planFile ? { planFile } : {}),
    ...(options.onlyEmpty ? { onlyEmpty: true } : {}),
    ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
    ...(input.chunkSize ? { chunkSize: input.chunkSize } : {}),
    ...(ready.allowedValues ? { allowedValues: ready.allowedValues } : {}),
    ...(input.shouldStop ? { shouldStop: input.shouldStop } : {}),
    onProgress: (p) => progress.update(p),
  });
  progress.stop();
  if (resuming) wholeRunTotals(db, summary);
  // Deals follow a full run of contacts (not a --ids / --filter subset) in the same run and audit log.
  let deals: DealPhaseSummary | undefined;
  if (summary.status === 'done' && input.deals !== false && !options.ids && !options.filter?.length) {
    deals = await runDealPhase({
      gateway: connection.gateway,
      db,
      target: connection.target,
      runId,
      playbook,
      classify,
      now: Date.now(),
      dryRun: Boolean(input.dryRun),
      ...(planFile ? { planFile } : {}),
    });
    if (deals.error) {
      summary.status = deals.error.kind === 'daily_limit' ? 'stopped' : 'failed';
      summary.error = deals.error;
    }
  }
  // Nothing was read: an empty plan and report would only hide the error (older plans stay as they were).
  const nothingRead = summary.status === 'failed' && summary.processed === 0;
  if (nothingRead) planFile?.abort();
  else await planFile?.close();
  const metrics = connection.gateway.metrics();
  db.finishRun(runId, summary.status, {
    ...summary,
    failures: summary.failures.slice(0, 20),
    metrics,
    ...(deals ? { deals: { ...deals, failures: deals.failures.slice(0, 20) } } : {}),
  });
  const warnings = ready.warnings.length > 0 ? { warnings: ready.warnings } : {};
  if (nothingRead) return { summary, ...warnings };
  if (deals) Object.assign(warnings, dealWarnings(deals, ready.warnings));
  const reportPath = input.report ?? join(outDir, `report-${runId}.html`);
  const source = options.playbookSource;
  writeRunReport(db, runId, playbook, reportPath, source);
  return {
    summary,
    ...(source ? { playbookSource: source } : {}),
    ...(deals ? { deals } : {}),
    rereadBatches: metrics.rereads,
    reportPath,
    ...warnings,
    ...(planFile ? { planPaths: { csv: planFile.csvPath, json: planFile.jsonPath } } : {}),
  };
}

/** Writes a run's HTML report (what it read and wrote, the playbook's review state); false: no such run. */
export function writeRunReport(
  db: AuditDb,
  runId: string,
  playbook: Playbook,
  path: string,
  source?: PlaybookSource,
): boolean {
  const data = reportData(db, runId, playbook.requiredRoles);
  if (!data) return false;
  writeReport(
    path,
    {
      ...data,
      playbook: {
        ...playbookReview(playbook, new Date()),
        ...(source ? { source: describePlaybookSource(source) } : {}),
      },
    },
    playbook,
  );
  return true;
}

/** Roles without a label in the portal are said once, beside the other warnings. */
function dealWarnings(
  deals: DealPhaseSummary,
  earlier: string[],
): { warnings: string[] } | Record<string, never> {
  if (deals.rolesWithoutLabel.length === 0) return earlier.length > 0 ? { warnings: earlier } : {};
  return {
    warnings: [
      ...earlier,
      `Contacts in these deal roles got no label because the portal has no label for them: ${deals.rolesWithoutLabel.join(', ')} (see "rolecall setup").`,
    ],
  };
}

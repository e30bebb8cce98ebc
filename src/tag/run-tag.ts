import type { HubSpotError } from '../hubspot/errors.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { ROLECALL_PROPERTIES } from '../hubspot/properties.ts';
import { contactFacts } from '../hubspot/record-input.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Classification, CompanyFacts, ContactFacts } from '../taxonomy.ts';
import { type ApplyOutcome, applyChanges, type ContactChanges } from './apply.ts';
import type { AuditDb, SeenRow } from './audit-db.ts';
import { type CompanyInfo, CompanyLookup } from './companies.ts';
import { type ContactPlan, planContact, type SkipReason } from './plan.ts';
import type { PlanFile } from './plan-file.ts';
import { reconcilePending } from './reconcile.ts';
import { toSnapshot } from './snapshot.ts';
import type { ContactSource } from './source.ts';

export type Classifier = (
  contact: ContactFacts,
  company: CompanyFacts | null,
  playbook: Playbook,
) => Classification;

export interface TagRunInput {
  gateway: Gateway;
  db: AuditDb;
  playbook: Playbook;
  classify: Classifier;
  source: ContactSource;
  runId: string;
  /** Where to start (from a checkpoint); undefined = the beginning. */
  cursor?: string;
  resuming?: boolean;
  /** Counts of earlier sessions of this run (when resuming): the totals continue from them. */
  already?: Partial<TagProgress>;
  /** Dry run: the plan goes here and nothing is written. */
  planFile?: PlanFile;
  onlyEmpty?: boolean;
  minConfidence?: number;
  chunkSize?: number;
  /** Per property, the only values the portal accepts (read from its options); others are not written. */
  allowedValues?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Chunks whose writes may be in flight at once (default 2). */
  depth?: number;
  /** Polled between chunks (Ctrl-C). */
  shouldStop?: () => boolean;
  onProgress?: (progress: TagProgress) => void;
  now?: () => Date;
}

export interface TagProgress {
  processed: number;
  /** Contacts the plan changes (in a dry run: would change). */
  contactsChanged: number;
  contactsWritten: number;
  propertiesWritten: number;
  failed: number;
  /** Ids from `--ids` that HubSpot does not have: how many, and the first few. */
  missing?: { count: number; first: string[] };
  skipped: Record<SkipReason, number>;
  /** Contacts where at least one property was left alone because a person set it. */
  protectedContacts: number;
}

export interface TagSummary extends TagProgress {
  runId: string;
  status: 'done' | 'stopped' | 'failed';
  dryRun: boolean;
  reconciled?: { applied: number; notApplied: number };
  failures: Array<{ id: string; message: string }>;
  error?: HubSpotError;
  seconds: number;
}

/** Missing `--ids` named in the summary; the rest are only counted. */
const MISSING_SHOWN = 10;

/** Tags contacts chunk by chunk: read, classify, plan, apply (or write the plan), checkpoint. */
export async function runTag(input: TagRunInput): Promise<TagSummary> {
  const started = Date.now();
  const { gateway, db, runId } = input;
  const dryRun = input.planFile !== undefined;
  const summary: TagSummary = {
    runId,
    status: 'done',
    dryRun,
    processed: input.already?.processed ?? 0,
    contactsChanged: input.already?.contactsChanged ?? 0,
    contactsWritten: input.already?.contactsWritten ?? 0,
    propertiesWritten: input.already?.propertiesWritten ?? 0,
    failed: input.already?.failed ?? 0,
    ...(input.already?.missing ? { missing: input.already.missing } : {}),
    // A resumed run continues every count from its last checkpoint, so the totals cover the whole run.
    skipped: { manual: 0, low_confidence: 0, unchanged: 0, ...input.already?.skipped },
    protectedContacts: input.already?.protectedContacts ?? 0,
    failures: [],
    seconds: 0,
  };
  const finish = (status: TagSummary['status'], error?: HubSpotError): TagSummary => {
    summary.status = status;
    if (error) summary.error = error;
    summary.seconds = (Date.now() - started) / 1000;
    return summary;
  };
  if (input.resuming && !dryRun) {
    const reconciled = await reconcilePending(gateway, db, runId);
    if (!reconciled.ok) return finish('failed', reconciled.error);
    summary.reconciled = reconciled.value;
  }
  const companies = new CompanyLookup(gateway);
  const chunkSize = input.chunkSize ?? 1000;
  let cursor = input.cursor;
  // Chunks whose writes are still in flight, oldest first. Two deep keeps the rate limiter's queue full
  // while the next chunk is read and classified; checkpoints still advance strictly in order.
  const inFlight: Array<
    Promise<{
      outcome: ApplyOutcome;
      planned: PlanCounts;
      next: string | undefined;
      count: number;
      missing: string[];
    }>
  > = [];
  const depth = Math.max(1, input.depth ?? 2);
  let broken: HubSpotError | undefined;

  const settleOldest = async (): Promise<void> => {
    const { outcome, planned, next, count, missing } = await inFlight.shift()!;
    summary.propertiesWritten += outcome.propertiesWritten;
    summary.contactsWritten += outcome.contactsWritten;
    summary.failed += outcome.failed.length;
    summary.failures.push(...outcome.failed.slice(0, Math.max(0, 100 - summary.failures.length)));
    broken ??= outcome.fatal;
    if (broken) return; // never checkpoint past a chunk that did not finish
    // Each chunk brings its own counts, added once it has settled: a checkpoint holds exactly the chunks
    // before it, so a resume that plans the next ones again never counts them twice.
    addPlanCounts(summary, planned);
    summary.processed += count;
    if (missing.length > 0) {
      const known = summary.missing ?? { count: 0, first: [] };
      summary.missing = {
        count: known.count + missing.length,
        first: [...known.first, ...missing].slice(0, MISSING_SHOWN),
      };
    }
    db.checkpoint(runId, next ?? null, progressOf(summary));
    input.onProgress?.(summary);
  };
  const stop = async (status: TagSummary['status'], error?: HubSpotError): Promise<TagSummary> => {
    while (inFlight.length > 0) await settleOldest();
    const cause = error ?? broken;
    if (!cause) return finish(status);
    return finish(cause.kind === 'daily_limit' ? 'stopped' : 'failed', cause);
  };

  for (;;) {
    if (input.shouldStop?.()) return stop('stopped');
    const chunk = await input.source.read(cursor, chunkSize);
    if (!chunk.ok) return stop('failed', chunk.error);
    const contacts = chunk.value.contacts;
    const companyInfo = await companies.forContacts(contacts.map((contact) => contact.id));
    if (!companyInfo.ok) return stop('failed', companyInfo.error);
    const { toWrite, planned } = await planChunk(input, contacts, companyInfo.value);
    while (inFlight.length >= depth || (broken && inFlight.length > 0)) await settleOldest();
    if (broken) return stop('failed');
    const next = chunk.value.next;
    const count = contacts.length;
    const missing = chunk.value.missing ?? [];
    inFlight.push(
      (dryRun ? Promise.resolve(emptyOutcome()) : applyChanges(gateway, db, runId, toWrite)).then(
        (outcome) => ({
          outcome,
          planned,
          next,
          count,
          missing,
        }),
      ),
    );
    cursor = next;
    if (cursor === undefined) return stop('done');
  }
}

/**
 * Classifies and plans one chunk and returns its own counts; records what was seen for the report (the
 * per-contact outcome the summary is counted from too) and the plan file in a dry run.
 */
async function planChunk(
  input: TagRunInput,
  contacts: readonly CrmRecord[],
  companies: ReadonlyMap<string, CompanyInfo>,
): Promise<{ toWrite: ContactChanges[]; planned: PlanCounts }> {
  const classifiedAt = (input.now?.() ?? new Date()).toISOString();
  const seen: SeenRow[] = [];
  const toWrite: ContactChanges[] = [];
  const planned: PlanCounts = {
    contactsChanged: 0,
    protectedContacts: 0,
    skipped: { manual: 0, low_confidence: 0, unchanged: 0 },
  };
  // On resume, a contact this run wrote before it was killed now reads as unchanged: it was changed by
  // this run, and both the audit log and the summary say so.
  const writtenEarlier = input.resuming
    ? input.db.writtenBy(
        input.runId,
        contacts.map((record) => record.id),
      )
    : new Set<string>();
  for (const record of contacts) {
    const company = companies.get(record.id);
    const next = input.classify(contactFacts(record.properties), company?.facts ?? null, input.playbook);
    const plan = writable(
      planContact(toSnapshot(record), next, {
        classifiedAt,
        playbook: input.playbook,
        company: company?.facts,
        ...(input.onlyEmpty ? { onlyEmpty: true } : {}),
        ...(input.minConfidence !== undefined ? { minConfidence: input.minConfidence } : {}),
      }),
      input.allowedValues,
    );
    const landedEarlier = plan.changes.length === 0 && writtenEarlier.has(record.id);
    const outcome = landedEarlier ? 'changed' : (plan.skipped ?? 'changed');
    seen.push(seenRow(record.id, record.properties.jobtitle ?? null, company, next, outcome));
    if (plan.protectedProperties.length > 0) planned.protectedContacts += 1;
    if (landedEarlier) planned.contactsChanged += 1;
    else if (plan.skipped) planned.skipped[plan.skipped] += 1;
    if (plan.changes.length > 0) {
      planned.contactsChanged += 1;
      toWrite.push({ id: plan.id, changes: plan.changes });
      if (input.planFile) await input.planFile.add(plan);
    }
  }
  input.db.recordSeen(input.runId, seen);
  if (input.planFile) input.db.recordPlanned(input.runId, toWrite);
  return { toWrite, planned };
}

/**
 * Drops changes to values the portal cannot take (e.g. an `hs_persona` option that does not exist), so
 * one missing option costs that value, not the whole contact. Only bookkeeping left → no change at all.
 */
function writable(plan: ContactPlan, allowed: TagRunInput['allowedValues']): ContactPlan {
  if (!allowed || plan.changes.length === 0) return plan;
  const changes = plan.changes.filter((change) => allowed.get(change.property)?.has(change.after) ?? true);
  if (changes.length === plan.changes.length) return plan;
  const bookkeeping = new Set<string>([ROLECALL_PROPERTIES.classifiedAt, ROLECALL_PROPERTIES.source]);
  const meaningful = changes.some((change) => !bookkeeping.has(change.property));
  return { ...plan, changes: meaningful ? changes : [], skipped: meaningful ? plan.skipped : 'unchanged' };
}

/** The counts saved with each checkpoint, which a resumed run continues from. */
export function progressOf(summary: TagProgress): TagProgress {
  const { processed, contactsChanged, contactsWritten, propertiesWritten, failed, missing } = summary;
  return {
    processed,
    contactsChanged,
    contactsWritten,
    propertiesWritten,
    failed,
    ...(missing ? { missing } : {}),
    skipped: { ...summary.skipped },
    protectedContacts: summary.protectedContacts,
  };
}

type PlanCounts = Pick<TagProgress, 'contactsChanged' | 'protectedContacts' | 'skipped'>;

function addPlanCounts(summary: TagProgress, counts: PlanCounts): void {
  summary.contactsChanged += counts.contactsChanged;
  summary.protectedContacts += counts.protectedContacts;
  for (const reason of Object.keys(counts.skipped) as SkipReason[]) {
    summary.skipped[reason] += counts.skipped[reason];
  }
}

function emptyOutcome(): ApplyOutcome {
  return { contactsWritten: 0, propertiesWritten: 0, failed: [] };
}

function seenRow(
  id: string,
  title: string | null,
  company: { id: string; facts: CompanyFacts } | undefined,
  next: Classification,
  outcome: string,
): SeenRow {
  return {
    contact_id: id,
    company_id: company?.id ?? null,
    company_name: company?.facts.name ?? null,
    title,
    persona: next.persona,
    persona_kind: next.personaKind,
    role: next.buyingRole,
    seniority: next.seniority,
    function: next.function,
    confidence: next.confidence,
    abstained: next.abstained ? 1 : 0,
    outcome,
  };
}

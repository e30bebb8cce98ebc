import type { HubSpotError, HubSpotResult } from './errors.ts';
import type { BatchWriteOutcome, ContactUpdate } from './records.ts';
import type { Transport } from './transport.ts';
import { sameStoredValue } from './values.ts';

/** HubSpot's cap on inputs per batch call. */
export const BATCH_LIMIT = 100;
const PARTIAL_RETRIES = 3;
/** Lost answers on one chunk before the write is given up (each followed by a read-back). */
const LOST_ANSWERS = 3;
/** 207 categories that will not heal on retry. */
const FINAL_CATEGORIES = new Set([
  'OBJECT_NOT_FOUND',
  'VALIDATION_ERROR',
  'INVALID_AUTHENTICATION',
  'MISSING_SCOPES',
]);

export interface WriteOptions {
  /** Checked right before each request of the write leaves; false stops it unsent (`fenced`). */
  fence?: () => Promise<boolean>;
}

interface BatchBody {
  results?: Array<{ id?: unknown }>;
  errors?: Array<{ category?: unknown; message?: unknown; context?: { ids?: unknown } }>;
}

/**
 * Writes up to 100 updates in one call and reports each id. A 207 is split: only the ids that failed
 * are sent again. A 400 rejects the whole batch for one bad input, so the batch is halved until the bad
 * input stands alone and the rest goes through. When the answer is lost (a timeout), HubSpot may have
 * applied the write: the chunk is read back first and only the updates that did not land are sent again.
 */
export async function batchUpdate(
  transport: Transport,
  objectType: 'contacts' | 'companies' | 'deals',
  updates: readonly ContactUpdate[],
  options: WriteOptions = {},
): Promise<HubSpotResult<BatchWriteOutcome>> {
  const outcome: BatchWriteOutcome = { succeeded: [], failed: [] };
  let pending = [...updates];
  for (let round = 0; pending.length > 0; round += 1) {
    const retry: ContactUpdate[] = [];
    for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
      const chunk = pending.slice(start, start + BATCH_LIMIT);
      const fatal = await sendChunk(
        transport,
        objectType,
        chunk,
        outcome,
        retry,
        round < PARTIAL_RETRIES,
        options,
      );
      if (fatal) return fatal;
    }
    pending = retry;
  }
  return { ok: true, value: outcome };
}

async function sendChunk(
  transport: Transport,
  objectType: string,
  chunk: ContactUpdate[],
  outcome: BatchWriteOutcome,
  retry: ContactUpdate[],
  mayRetry: boolean,
  options: WriteOptions,
  lostAnswers = 0,
): Promise<{ ok: false; error: HubSpotError } | undefined> {
  const result = await transport.send<BatchBody>({
    method: 'POST',
    path: `/crm/v3/objects/${objectType}/batch/update`,
    body: { inputs: chunk.map(({ id, properties }) => ({ id, properties })) },
    what: `updating ${chunk.length} ${objectType}`,
    onTimeout: 'return',
    ...(options.fence ? { fence: options.fence } : {}),
  });
  if (!result.ok) {
    if (result.error.timedOut && lostAnswers + 1 < LOST_ANSWERS) {
      const unconfirmed = await notLanded(transport, objectType, chunk);
      if (!unconfirmed.ok) return unconfirmed;
      const landed = new Set(chunk.map((input) => input.id));
      for (const input of unconfirmed.value) landed.delete(input.id);
      outcome.succeeded.push(...landed);
      if (unconfirmed.value.length === 0) return undefined;
      return sendChunk(
        transport,
        objectType,
        unconfirmed.value,
        outcome,
        retry,
        mayRetry,
        options,
        lostAnswers + 1,
      );
    }
    if (result.error.kind === 'validation' && chunk.length > 1) {
      const half = Math.ceil(chunk.length / 2);
      return (
        (await sendChunk(transport, objectType, chunk.slice(0, half), outcome, retry, mayRetry, options)) ??
        (await sendChunk(transport, objectType, chunk.slice(half), outcome, retry, mayRetry, options))
      );
    }
    if (result.error.kind === 'validation' || result.error.kind === 'not_found') {
      for (const input of chunk) outcome.failed.push({ id: input.id, message: result.error.message });
      return undefined;
    }
    return result;
  }
  const body = result.value.body ?? {};
  const confirmed = new Set((body.results ?? []).map((item) => String(item.id)));
  const reasons = new Map<string, { message: string; final: boolean }>();
  for (const error of body.errors ?? []) {
    const ids = Array.isArray(error.context?.ids) ? error.context.ids.map(String) : [];
    const final = FINAL_CATEGORIES.has(String(error.category));
    for (const id of ids) reasons.set(id, { message: String(error.message ?? error.category), final });
  }
  for (const input of chunk) {
    if (confirmed.has(input.id)) {
      outcome.succeeded.push(input.id);
      continue;
    }
    const reason = reasons.get(input.id);
    if (reason && (reason.final || !mayRetry)) outcome.failed.push({ id: input.id, message: reason.message });
    else if (mayRetry) retry.push(input);
    else outcome.failed.push({ id: input.id, message: 'HubSpot did not confirm this update.' });
  }
  return undefined;
}

/** Reads a chunk back after a lost answer; returns the updates whose values are not all there yet. */
async function notLanded(
  transport: Transport,
  objectType: string,
  chunk: readonly ContactUpdate[],
): Promise<HubSpotResult<ContactUpdate[]>> {
  transport.noteReread();
  const properties = [...new Set(chunk.flatMap((input) => Object.keys(input.properties)))];
  const read = await transport.send<{
    results?: Array<{ id?: unknown; properties?: Record<string, string | null> }>;
  }>({
    method: 'POST',
    path: `/crm/v3/objects/${objectType}/batch/read`,
    body: { inputs: chunk.map(({ id }) => ({ id })), properties },
    what: `reading back ${chunk.length} ${objectType} after a lost answer`,
  });
  if (!read.ok) return read;
  const stored = new Map(
    (read.value.body?.results ?? []).map((item) => [String(item.id), item.properties ?? {}]),
  );
  return {
    ok: true,
    value: chunk.filter((input) => {
      const values = stored.get(input.id);
      return (
        values === undefined ||
        !Object.entries(input.properties).every(([property, wanted]) =>
          sameStoredValue(values[property], wanted),
        )
      );
    }),
  };
}

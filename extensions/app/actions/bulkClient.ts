import { hubspot } from '@hubspot/ui-extensions';

/** rolecall's backend; must be listed in app-hsmeta.json `permittedUrls.fetch` (local.json proxies it in dev). */
export const BACKEND_URL = 'https://rolecall.example.com';
/** Contacts per request: small enough to answer well inside hubspot.fetch's timeout. */
export const BATCH_SIZE = 50;

export type BulkMode = 'fill_empty' | 'overwrite';
export type BulkStatus = 'written' | 'unchanged' | 'skipped' | 'not_found' | 'failed';
export type BulkSummary = Record<BulkStatus, number>;

export const emptySummary = (): BulkSummary => ({
  written: 0,
  unchanged: 0,
  skipped: 0,
  not_found: 0,
  failed: 0,
});

export interface BulkProgress {
  done: number;
  total: number;
  summary: BulkSummary;
}

async function classifyBatch(ids: readonly number[], mode: BulkMode): Promise<BulkSummary> {
  const response = await hubspot.fetch(`${BACKEND_URL}/hubspot/bulk-classify`, {
    method: 'POST',
    timeout: 15_000,
    body: { objectIds: [...ids], mode },
  });
  if (!response.ok) throw new Error(`rolecall answered ${response.status}`);
  const body = (await response.json()) as { summary?: Partial<BulkSummary> };
  return { ...emptySummary(), ...(body.summary ?? {}) };
}

/**
 * Sends the selected contacts in batches, one at a time (the backend paces HubSpot calls), reporting
 * after each batch. A batch that fails counts its contacts as failed; the rest still run.
 */
export async function classifyInBatches(
  ids: readonly number[],
  mode: BulkMode,
  onProgress: (progress: BulkProgress) => void,
): Promise<BulkSummary> {
  const summary = emptySummary();
  for (let start = 0; start < ids.length; start += BATCH_SIZE) {
    const batch = ids.slice(start, start + BATCH_SIZE);
    try {
      const result = await classifyBatch(batch, mode);
      for (const key of Object.keys(summary) as BulkStatus[]) summary[key] += result[key];
    } catch {
      summary.failed += batch.length;
    }
    onProgress({
      done: Math.min(ids.length, start + batch.length),
      total: ids.length,
      summary: { ...summary },
    });
  }
  return summary;
}

import type { HubSpotResult } from './errors.ts';

/**
 * Sends one request per chunk of `size` items, all at once: the transport's limiter decides how many are on
 * the wire (the rate ceiling and its concurrency bound), so a large read or write no longer waits for each
 * answer before sending the next. Results come back in chunk order; the first failure (in chunk order) wins.
 */
export async function allChunks<T, R>(
  items: readonly T[],
  size: number,
  send: (chunk: T[], start: number) => Promise<HubSpotResult<R>>,
): Promise<HubSpotResult<R[]>> {
  const work: Promise<HubSpotResult<R>>[] = [];
  for (let start = 0; start < items.length; start += size)
    work.push(send(items.slice(start, start + size), start));
  const results = await Promise.all(work);
  const values: R[] = [];
  for (const result of results) {
    if (!result.ok) return result;
    values.push(result.value);
  }
  return { ok: true, value: values };
}

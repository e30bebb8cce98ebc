import { readFile } from 'node:fs/promises';

export type IdsResult = { ok: true; ids: string[] } | { ok: false; message: string };

/**
 * Reads contact ids for `--ids`: one per line, or the first column of a CSV (a header such as
 * "Record ID" is skipped). Blank lines are ignored; anything not numeric is reported with its line.
 */
export async function readIdsFile(path: string): Promise<IdsResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return {
      ok: false,
      message: `Cannot read --ids ${path} (${(error as NodeJS.ErrnoException).code ?? error}). Check the path.`,
    };
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const cell = (line.split(',')[0] ?? '').trim().replace(/^"|"$/g, '');
    if (cell === '') continue;
    if (!/^\d+$/.test(cell)) {
      if (index === 0) continue; // a header row
      return {
        ok: false,
        message: `--ids ${path}:${index + 1}: "${cell}" is not a HubSpot record id (digits only). Fix or remove that line.`,
      };
    }
    if (!seen.has(cell)) ids.push(cell);
    seen.add(cell);
  }
  if (ids.length === 0)
    return { ok: false, message: `--ids ${path} holds no record ids. Put one id per line.` };
  return { ok: true, ids };
}

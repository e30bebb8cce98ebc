import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import {
  classifyLine,
  classifyRecord,
  errorRecord,
  type LineOptions,
  toCount,
  toCsvColumns,
} from './classify-io.ts';
import { CliError } from './errors.ts';

const FLUSH_BYTES = 64 * 1024;
const EMPTY = Symbol('empty line');
const INVALID = Symbol('invalid JSON');

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return INVALID;
  }
}

/** Writes, waiting for the reader when the pipe is full: memory stays flat whatever the input size. */
async function write(output: Writable, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

/**
 * `--jsonl`: one JSON object per input line in, one JSON line per input line out, in order. A line that
 * is not JSON or not a title record yields a line with an "error" field; the run goes on.
 */
export async function classifyJsonl(
  input: Readable,
  output: Writable,
  options: LineOptions = {},
): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let buffer = '';
  let count = 0;
  for await (const line of lines) {
    count += 1;
    const value = line.trim() === '' ? EMPTY : parseJson(line);
    const record =
      value === EMPTY || value === INVALID
        ? errorRecord(
            `line ${count} is ${value === EMPTY ? 'empty' : 'not valid JSON'}. Write one JSON object per line, e.g. {"title": "VP Sales"}.`,
          )
        : classifyLine(value, count, options);
    buffer += `${JSON.stringify(record)}\n`;
    if (buffer.length >= FLUSH_BYTES) {
      await write(output, buffer);
      buffer = '';
    }
  }
  if (buffer) await write(output, buffer);
  return count;
}

/** HubSpot export headers, tried in order when no column is named (compared without case or spaces). */
export const CSV_COLUMNS = {
  title: ['Job Title', 'jobtitle', 'Title', 'job_title', 'Position'],
  employees: ['Number of Employees', 'numberofemployees', 'Employees', 'Company size'],
  industry: ['Industry', 'industry'],
  revenue: ['Annual Revenue', 'annualrevenue', 'Revenue'],
  company: ['Company Name', 'company', 'Company'],
} as const;

const key = (header: string) => header.toLowerCase().replace(/[\s_]/g, '');

function findColumn(headers: readonly string[], wanted: readonly string[]): string | undefined {
  for (const name of wanted) {
    const found = headers.find((header) => key(header) === key(name));
    if (found) return found;
  }
  return undefined;
}

export interface CsvOptions extends LineOptions {
  titleColumn?: string;
}

/** `--csv`: streams a CSV (a HubSpot contacts export works as is) and appends the reading to each row. */
export async function classifyCsv(
  inPath: string,
  outPath: string | undefined,
  options: CsvOptions = {},
): Promise<number> {
  const input = inPath === '-' ? process.stdin : createReadStream(inPath);
  const output = outPath ? createWriteStream(outPath) : process.stdout;
  let count = 0;
  let columns:
    | { title: string; employees?: string; industry?: string; revenue?: string; company?: string }
    | undefined;
  const parser = parse({
    columns: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: false,
  });
  const stringifier = stringify({ header: true });
  async function* rows(source: AsyncIterable<Record<string, string>>) {
    for await (const row of source) {
      if (!columns) {
        const headers = Object.keys(row);
        const title = options.titleColumn
          ? findColumn(headers, [options.titleColumn])
          : findColumn(headers, CSV_COLUMNS.title);
        if (!title) {
          throw new CliError(
            `${inPath}: no job title column (looked for ${options.titleColumn ? `"${options.titleColumn}"` : CSV_COLUMNS.title.map((c) => `"${c}"`).join(', ')}; found ${headers.map((h) => `"${h}"`).join(', ')}). Name it with --title-column "<header>".`,
          );
        }
        columns = {
          title,
          employees: findColumn(headers, CSV_COLUMNS.employees),
          industry: findColumn(headers, CSV_COLUMNS.industry),
          revenue: findColumn(headers, CSV_COLUMNS.revenue),
          company: findColumn(headers, CSV_COLUMNS.company),
        };
      }
      count += 1;
      const pick = (column?: string) => (column ? row[column] : undefined);
      const record = classifyRecord(
        pick(columns.title) ?? '',
        {
          employees: toCount(pick(columns.employees)),
          industry: pick(columns.industry) || null,
          annualRevenue: toCount(pick(columns.revenue)),
          name: pick(columns.company) || null,
        },
        options,
      );
      // Same keys and order as { ...row, ...columns } (a column already in the file keeps its place), without
      // copying every row twice.
      yield Object.assign(row, toCsvColumns(record));
    }
  }
  try {
    await pipeline(input, parser, rows, stringifier, output);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const message = (error as Error).message ?? String(error);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError(`${inPath} does not exist. Check the path given to --csv.`);
    }
    throw new CliError(`${inPath}: ${message}. Check that the file is a CSV with a header row.`);
  }
  return count;
}

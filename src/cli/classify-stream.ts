import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { companyFacts } from '../hubspot/record-input.ts';
import { CSV_COLUMNS, csvRecord, findColumn, mapCsvColumns } from '../io/csv-columns.ts';
import type { Delimiter } from '../io/csv-delimiter.ts';
import { type CsvRow, openCsv } from '../io/csv-input.ts';
import { InputError } from '../io/errors.ts';
import { stripBom } from '../io/input-file.ts';
import { OutputFile } from '../io/output-file.ts';
import { classifyRecord, errorRecord, type LineOptions, toCsvColumns } from './classify-io.ts';
import { classifyLine, LINE_FIX } from './classify-line.ts';

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
  for await (const raw of lines) {
    count += 1;
    // A UTF-8 byte-order mark (Windows tools write one) is not part of the first line.
    const line = count === 1 ? stripBom(raw) : raw;
    const value = line.trim() === '' ? EMPTY : parseJson(line);
    const record =
      value === EMPTY || value === INVALID
        ? errorRecord(`line ${count} is ${value === EMPTY ? 'empty' : 'not valid JSON'}. ${LINE_FIX}`)
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

export interface CsvOptions extends LineOptions {
  titleColumn?: string;
  /** The separator; default: detected from the header line. */
  delimiter?: Delimiter | undefined;
}

/**
 * `--csv`: streams a CSV (a HubSpot contacts export works as is) and appends the reading to each row. The
 * output file is written beside its target and renamed into place only when the whole input was read: a
 * missing input, broken quoting or Ctrl-C leaves an existing `--out` file as it was.
 */
export async function classifyCsv(
  inPath: string,
  outPath: string | undefined,
  options: CsvOptions = {},
): Promise<number> {
  const csv = await openCsv(inPath, { delimiter: options.delimiter, flag: '--csv' });
  const wanted = options.titleColumn ? [options.titleColumn] : CSV_COLUMNS.title;
  const title = findColumn(csv.headers, wanted);
  if (!title) {
    throw new InputError(
      `${csv.path}: no job title column (looked for ${wanted.map((c) => `"${c}"`).join(', ')}; found ${csv.headers.map((h) => `"${h}"`).join(', ')}). Name it with --title-column "<header>".`,
    );
  }
  const columns = { ...mapCsvColumns(csv.headers), title };
  let count = 0;
  async function* rows(source: AsyncIterable<CsvRow>) {
    for await (const row of source) {
      count += 1;
      const pick = (column?: string) => (column ? row[column] : undefined);
      const record = classifyRecord(
        pick(columns.title) ?? '',
        companyFacts(csvRecord(row, columns)),
        options,
      );
      // Same keys and order as { ...row, ...columns } (a column already in the file keeps its place), without
      // copying every row twice.
      yield Object.assign(row, toCsvColumns(record));
    }
  }
  const output = outPath ? new OutputFile(outPath) : undefined;
  try {
    await pipeline(
      Readable.from(csv.rows),
      rows,
      stringify({ header: true, delimiter: csv.delimiter }),
      output?.stream ?? process.stdout,
      { end: output !== undefined },
    );
    await output?.commit();
  } catch (error) {
    output?.abort();
    throw error;
  }
  return count;
}

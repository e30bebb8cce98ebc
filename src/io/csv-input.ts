import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { type Delimiter, detectDelimiter } from './csv-delimiter.ts';
import { InputError } from './errors.ts';
import { openInputFile, stripBom } from './input-file.ts';

export type CsvRow = Record<string, string>;

/** A CSV whose header has been read: the rows follow lazily, so memory stays flat whatever the size. */
export interface CsvInput {
  path: string;
  headers: string[];
  delimiter: Delimiter;
  rows: AsyncIterable<CsvRow>;
}

export interface OpenCsvOptions {
  /** The separator when detection from the header line cannot decide (or should not be trusted). */
  delimiter?: Delimiter | undefined;
  /** The flag the path came from, for the error message ("--csv"). */
  flag?: string;
  /** Where "-" reads from (default: stdin). */
  stdin?: Readable;
}

/** Reads chunks until the first line is complete; returns it and a stream of everything (nothing lost). */
async function peekFirstLine(source: Readable): Promise<{ line: string; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const seen: Buffer[] = [];
  let text = '';
  let finished = false;
  while (!text.includes('\n')) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    seen.push(chunk);
    text += chunk.toString('utf8');
  }
  async function* all() {
    yield* seen;
    if (finished) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const line = stripBom(text.split('\n', 1)[0] ?? '').replace(/\r$/, '');
  return { line, stream: Readable.from(all(), { objectMode: false }) };
}

const QUOTE_FIX = 'Quote the whole field and write a quote inside it twice, e.g. "5"" Manager".';

/** One sentence for a CSV the parser rejects: the line, what was wrong there, and the fix. */
export function csvErrorMessage(path: string, error: CsvError, recordStartLine: number): string {
  const column = error.column === undefined || error.column === null ? '' : ` in column "${error.column}"`;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${path} line ${recordStartLine}: a quoted field is opened and never closed (the file ends inside it). Close the quote; ${QUOTE_FIX}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${path} line ${error.lines}: text follows a closing quote${column}. ${QUOTE_FIX}`;
    case 'INVALID_OPENING_QUOTE':
      return `${path} line ${error.lines}: a quote inside an unquoted field${column}. ${QUOTE_FIX}`;
    default:
      return `${path} line ${error.lines}: ${error.message.replace(/\.$/, '')}. Check that the file is a CSV with a header row (save it from Excel as "CSV UTF-8").`;
  }
}

/**
 * The one way rolecall reads a CSV (`classify --csv`, `tag --csv`): opens the file (a missing or unreadable
 * path is one line naming it), drops a UTF-8 byte-order mark, finds the separator from the header line (or
 * takes `--delimiter`), reads the header, then streams rows as objects keyed by header. A row the parser
 * rejects ends the stream with an InputError naming the line and the fix.
 */
export async function openCsv(path: string, options: OpenCsvOptions = {}): Promise<CsvInput> {
  let source: Readable;
  if (path === '-') source = options.stdin ?? process.stdin;
  else {
    const handle = await openInputFile(path, options.flag);
    source = handle.createReadStream();
  }
  const name = path === '-' ? 'stdin' : path;
  const { line, stream } = await peekFirstLine(source);
  if (line.trim() === '') {
    stream.destroy();
    throw new InputError(
      `${name} has no header row (the first line is empty). The first line names the columns, e.g. "Job Title,Company Name".`,
    );
  }
  const delimiter = options.delimiter ?? detectDelimiter(line, name);
  let headers: string[];
  try {
    [headers = []] = parseSync(line, { delimiter, relax_column_count: true }) as string[][];
  } catch (error) {
    stream.destroy();
    throw new InputError(csvErrorMessage(name, error as CsvError, 1));
  }
  let lastRecordEnd = 1;
  const parser = parse({
    columns: true,
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    on_record: (record: CsvRow, context: { lines: number }) => {
      lastRecordEnd = context.lines;
      return record;
    },
  });
  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      yield* stream.pipe(parser) as AsyncIterable<CsvRow>;
    } catch (error) {
      if ((error as CsvError).code === undefined || !(error as CsvError).lines) throw error;
      throw new InputError(csvErrorMessage(name, error as CsvError, lastRecordEnd + 1));
    } finally {
      stream.destroy();
    }
  }
  return { path: name, headers, delimiter, rows: rows() };
}

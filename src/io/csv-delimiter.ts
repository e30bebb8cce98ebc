import { InputError } from './errors.ts';

/** The separators a CSV export uses: comma, semicolon (European Excel), tab, pipe. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const NAMES: Record<string, Delimiter> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
};

export const DELIMITER_HELP = 'one of , ; tab | (also: comma, semicolon, pipe)';

/** Reads `--delimiter`; undefined means "detect it from the header line". */
export function parseDelimiter(raw: string | undefined): Delimiter | undefined {
  if (raw === undefined) return undefined;
  const found = NAMES[raw.toLowerCase()];
  if (!found) {
    throw new InputError(`--delimiter ${JSON.stringify(raw)} is not a CSV separator; use ${DELIMITER_HELP}.`);
  }
  return found;
}

const show = (delimiter: Delimiter) => (delimiter === '\t' ? 'tab' : `"${delimiter}"`);

/** Counts each candidate separator in the header line, outside quotes. */
function countOutsideQuotes(line: string): Map<Delimiter, number> {
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter)) {
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The separator of a CSV, read from its header line: the candidate that occurs most often outside quotes.
 * A header with none is one column (comma); a tie between two candidates cannot be decided, and the error
 * asks for --delimiter.
 */
export function detectDelimiter(headerLine: string, path: string): Delimiter {
  const counts = [...countOutsideQuotes(headerLine)].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  const [first, second] = counts;
  if (!first) return ',';
  if (second && second[1] === first[1]) {
    throw new InputError(
      `${path}: cannot tell the separator from the header line (${first[1]} × ${show(first[0])} and ${second[1]} × ${show(second[0])}). Name it with --delimiter, e.g. --delimiter ";".`,
    );
  }
  return first[0];
}

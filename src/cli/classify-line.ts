import { z } from 'zod';
import { parseCount } from '../hubspot/values.ts';
import type { CompanyFacts } from '../taxonomy.ts';
import { classifyRecord, errorRecord, type LineOptions, type OutputRecord } from './classify-io.ts';

// One --jsonl input line read and checked (zod for the rare line that is neither well formed nor plainly
// wrong). Apart from classify-io.ts: a single title loads no zod.

/** A count read from text or a number, or why it cannot be one. */
type CountReading = { value: number | null; problem?: 'not a number' | 'negative' };

function readCount(value: unknown): CountReading {
  if (value === undefined || value === null) return { value: null };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { value: null, problem: 'not a number' };
    return value < 0 ? { value: null, problem: 'negative' } : { value };
  }
  if (typeof value !== 'string') return { value: null, problem: 'not a number' };
  if (value.trim() === '') return { value: null };
  // One parser for every input path (the offline tagger uses it too): "1,500", "$5,000,000", "51-200".
  const parsed = parseCount(value);
  if (parsed === null) return { value: null, problem: 'not a number' };
  return parsed < 0 ? { value: null, problem: 'negative' } : { value: parsed };
}

/** A count, or a count written as text ("1,500", "2e6", "51-200"); anything else, negatives included, is missing. */
export function toCount(value: unknown): number | null {
  return readCount(value).value;
}

const count = z.union([z.number(), z.string(), z.null()]).optional();
const LineSchema = z.object({
  title: z.union([z.string(), z.null()], { error: 'needs a "title" string' }),
  company: z
    .object({
      name: z.union([z.string(), z.null()]).optional(),
      employees: count,
      industry: z.union([z.string(), z.null()]).optional(),
      annualRevenue: count,
    })
    .nullish(),
});
export type LineInput = z.infer<typeof LineSchema>;

const COUNT_EXAMPLES = { employees: '"employees": 500', annualRevenue: '"annualRevenue": 10000000' } as const;

/** A count of the input line; a value that is not one is ignored, with a warning that names the fix. */
function countOf(value: unknown, field: keyof typeof COUNT_EXAMPLES, warnings: string[] | undefined) {
  const reading = readCount(value);
  if (reading.problem && warnings) {
    const fix = reading.problem === 'negative' ? 'write a count of 0 or more' : 'write a number';
    warnings.push(
      `company.${field} ${JSON.stringify(value)} is ${reading.problem} and was ignored; ${fix}, e.g. ${COUNT_EXAMPLES[field]}.`,
    );
  }
  return reading.value;
}

/**
 * The company facts of an input line, numbers read leniently; a number that cannot be read is ignored,
 * and said so in `warnings` when given.
 */
export function companyOf(company: LineInput['company'], warnings?: string[]): CompanyFacts | null {
  if (!company) return null;
  return {
    name: company.name ?? null,
    employees: countOf(company.employees, 'employees', warnings),
    industry: company.industry ?? null,
    annualRevenue: countOf(company.annualRevenue, 'annualRevenue', warnings),
  };
}

const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const optionalCount = (value: unknown) => optionalText(value) || typeof value === 'number';

/** The common well-formed line, checked without building a zod result (the CLI reads millions of them). */
function isPlainLine(value: unknown): value is LineInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { title, company } = value as { title?: unknown; company?: unknown };
  if (typeof title !== 'string' && title !== null) return false;
  if (company === undefined || company === null) return true;
  if (typeof company !== 'object' || Array.isArray(company)) return false;
  const facts = company as Record<string, unknown>;
  return (
    optionalText(facts.name) &&
    optionalText(facts.industry) &&
    optionalCount(facts.employees) &&
    optionalCount(facts.annualRevenue)
  );
}

/**
 * Reads one input line (already parsed JSON) into one output record; a malformed line gives a record with
 * an `error` that names the fix. The one place a line becomes a result: swap readTitle for classify() here.
 */
export function classifyLine(input: unknown, lineNumber: number, options: LineOptions = {}): OutputRecord {
  const value = typeof input === 'string' ? { title: input } : input;
  if (isPlainLine(value)) return classifyWithWarnings(value, options);
  const problem = lineProblem(value);
  if (problem) {
    const title = (value as { title?: unknown } | null)?.title;
    return errorRecord(`line ${lineNumber}${problem} ${LINE_FIX}`, typeof title === 'string' ? title : '');
  }
  const parsed = LineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at "${issue.path.join('.')}"` : '';
    return errorRecord(`line ${lineNumber}${where}: ${issue?.message ?? 'not understood'}. ${LINE_FIX}`);
  }
  return classifyWithWarnings(parsed.data, options);
}

/** The rule of a --jsonl line, repeated in every error (and in `rolecall classify --help`). */
export const LINE_FIX =
  'Write each line as a JSON object with a "title" (a string, or null when there is none), e.g. {"title": "VP Sales", "company": {"employees": 500}}, or as a JSON string: "VP Sales".';

const kind = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** What breaks the rule at the top of a line (the value, or its title); undefined when only details are wrong. */
function lineProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return ` is ${kind(value)}, not a title.`;
  if (!('title' in value)) {
    const keys = Object.keys(value);
    return ` has no "title" key${keys.length ? ` (it has ${keys.map((k) => JSON.stringify(k)).join(', ')})` : ''}.`;
  }
  const title = (value as { title: unknown }).title;
  if (typeof title !== 'string' && title !== null) return ` at "title": ${kind(title)}, not a string.`;
  return undefined;
}

function classifyWithWarnings(line: LineInput, options: LineOptions): OutputRecord {
  const warnings: string[] = [];
  const record = classifyRecord(line.title, companyOf(line.company, warnings), options);
  if (warnings.length > 0) record.warnings = warnings;
  return record;
}

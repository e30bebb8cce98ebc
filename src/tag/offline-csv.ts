import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { classify } from '../classify/classify.ts';
import { NATIVE_PROPERTIES } from '../hubspot/properties.ts';
import { rolecallPropertySpecs } from '../hubspot/property-specs.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import { BUYING_ROLE_OPTIONS, optionLookup, toInternalValue } from '../hubspot/values.ts';
import { csvRecord, mapCsvColumns } from '../io/csv-columns.ts';
import type { Delimiter } from '../io/csv-delimiter.ts';
import { type CsvInput, openCsv } from '../io/csv-input.ts';
import { InputError } from '../io/errors.ts';
import { OutputFile } from '../io/output-file.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import type { Playbook } from '../playbook/schema.ts';
import { PLAN_WRITE_PROPERTIES, planContact } from './plan.ts';

export interface OfflineCounts {
  rows: number;
  changed: number;
  manual: number;
  unchanged: number;
  lowConfidence: number;
}

export type OfflineResult = { ok: true; counts: OfflineCounts; out: string } | { ok: false; message: string };

export interface OfflineOptions {
  csv?: string;
  out?: string;
  /** Loaded by the caller (warnings shown); the built-in playbook when absent. */
  playbook?: Playbook;
  onlyEmpty?: boolean;
  minConfidence?: number;
  /** The CSV separator; default: detected from the header line. */
  delimiter?: Delimiter | undefined;
}

/**
 * `rolecall tag --csv export.csv --out import.csv`: reads a HubSpot contacts export and writes an import
 * file (Record ID plus the changed rolecall columns; blank cells leave HubSpot's value alone). The export
 * has no property history, so only `rolecall_source = manual` and `--only-empty` protect values.
 */
export async function runOfflineCsv(options: OfflineOptions): Promise<OfflineResult> {
  if (!options.csv || !options.out) {
    return { ok: false, message: 'Offline mode needs both --csv <export.csv> and --out <import.csv>.' };
  }
  const playbook = options.playbook ?? defaultPlaybook;
  const specs = rolecallPropertySpecs(playbook);
  const labels = new Map<string, string>([
    ['buying role', NATIVE_PROPERTIES.buyingRole],
    ['persona', NATIVE_PROPERTIES.persona],
    ...specs.map((spec): [string, string] => [spec.label.toLowerCase(), spec.name]),
  ]);
  // Exports write option labels ("Blocker", "A person (never overwritten)"); plans compare values.
  const labelValues = optionLookup(specs, { [NATIVE_PROPERTIES.buyingRole]: BUYING_ROLE_OPTIONS });
  let csv: CsvInput;
  try {
    csv = await openCsv(options.csv, { delimiter: options.delimiter, flag: '--csv' });
  } catch (error) {
    if (error instanceof InputError) return { ok: false, message: error.message };
    throw error;
  }
  const columns = mapColumns(csv.headers, labels);
  if (!columns.has('id')) {
    return {
      ok: false,
      message: `--csv ${options.csv} has no "Record ID" column (found ${csv.headers.map((h) => `"${h}"`).join(', ')}). Export contacts with Record ID included.`,
    };
  }
  // The import file is written beside its target and renamed into place only when the whole export was
  // read: a broken row, a crash or Ctrl-C leaves an existing --out file as it was.
  const output = new OutputFile(options.out);
  const writer = stringify({ header: true, columns: ['Record ID', ...PLAN_WRITE_PROPERTIES] });
  writer.pipe(output.stream);
  try {
    const counts = await writeImport(csv, columns, writer, playbook, labelValues, options);
    if (typeof counts === 'string') {
      output.abort();
      return { ok: false, message: counts };
    }
    writer.end();
    await finished(output.stream);
    await output.commit();
    return { ok: true, counts, out: options.out };
  } catch (error) {
    output.abort();
    if (error instanceof InputError) return { ok: false, message: error.message };
    throw error;
  }
}

async function writeImport(
  csv: CsvInput,
  columns: ReadonlyMap<string, string>,
  writer: ReturnType<typeof stringify>,
  playbook: Playbook,
  labelValues: ReturnType<typeof optionLookup>,
  options: OfflineOptions,
): Promise<OfflineCounts | string> {
  const classifiedAt = new Date().toISOString();
  const counts = { rows: 0, changed: 0, manual: 0, unchanged: 0, lowConfidence: 0 };
  for await (const row of csv.rows) {
    const get = (name: string) => {
      const column = columns.get(name);
      return column === undefined ? undefined : row[column];
    };
    const id = get('id')?.trim();
    if (!id) {
      return `--csv ${options.csv} row ${counts.rows + 1} has no Record ID. Export contacts with Record ID included.`;
    }
    counts.rows += 1;
    const record = csvRecord(row, Object.fromEntries(columns));
    const company = companyFacts(record);
    const next = classify(contactFacts(record), company, playbook);
    const properties = Object.fromEntries(
      PLAN_WRITE_PROPERTIES.map((name) => {
        const cell = get(name)?.trim();
        return [name, cell ? toInternalValue(labelValues, name, cell) : null];
      }),
    );
    const plan = planContact({ id, properties, setByPerson: [] }, next, {
      classifiedAt,
      playbook,
      company,
      ...(options.onlyEmpty ? { onlyEmpty: true } : {}),
      ...(options.minConfidence !== undefined ? { minConfidence: options.minConfidence } : {}),
    });
    if (plan.skipped === 'manual') counts.manual += 1;
    else if (plan.skipped === 'low_confidence') counts.lowConfidence += 1;
    else if (plan.changes.length === 0) counts.unchanged += 1;
    if (plan.changes.length === 0) continue;
    counts.changed += 1;
    const after = new Map(plan.changes.map((change) => [change.property, change.after]));
    if (!writer.write([id, ...PLAN_WRITE_PROPERTIES.map((name) => after.get(name) ?? '')]))
      await once(writer, 'drain');
  }
  return counts;
}

/**
 * Maps each value rolecall reads to the export's column (the shared CSV column table), and each property
 * rolecall writes to its column by internal name or label, ignoring case.
 */
function mapColumns(headers: readonly string[], labels: ReadonlyMap<string, string>): Map<string, string> {
  const map = new Map<string, string>(Object.entries(mapCsvColumns(headers)));
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    const owned = PLAN_WRITE_PROPERTIES.includes(key) ? key : labels.get(key);
    if (owned && !map.has(owned)) map.set(owned, header);
  }
  return map;
}

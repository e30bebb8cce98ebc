import { once } from 'node:events';
import { constants, createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { classify } from '../classify/classify.ts';
import { NATIVE_PROPERTIES } from '../hubspot/properties.ts';
import { rolecallPropertySpecs } from '../hubspot/property-specs.ts';
import { BUYING_ROLE_OPTIONS, optionLookup, parseCount, toInternalValue } from '../hubspot/values.ts';
import type { CompanyFacts } from '../taxonomy.ts';
import { PLAN_WRITE_PROPERTIES, planContact } from './plan.ts';
import { resolvePlaybook } from './session.ts';

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
  playbook?: string;
  onlyEmpty?: boolean;
  minConfidence?: number;
}

/** Export column names (internal name or HubSpot's label) for each value rolecall reads. */
const INPUT_COLUMNS = {
  id: ['hs_object_id', 'record id', 'contact id'],
  jobtitle: ['jobtitle', 'job title'],
  hs_seniority: ['hs_seniority', 'seniority'],
  company: ['company', 'company name'],
  numberofemployees: ['numberofemployees', 'number of employees'],
  industry: ['industry'],
  annualrevenue: ['annualrevenue', 'annual revenue'],
} as const;

/**
 * `rolecall tag --csv export.csv --out import.csv`: reads a HubSpot contacts export and writes an import
 * file (Record ID plus the changed rolecall columns; blank cells leave HubSpot's value alone). The export
 * has no property history, so only `rolecall_source = manual` and `--only-empty` protect values.
 */
export async function runOfflineCsv(options: OfflineOptions): Promise<OfflineResult> {
  if (!options.csv || !options.out) {
    return { ok: false, message: 'Offline mode needs both --csv <export.csv> and --out <import.csv>.' };
  }
  const loaded = await resolvePlaybook(options.playbook);
  if (!loaded.ok) return loaded;
  const playbook = loaded.playbook;
  const specs = rolecallPropertySpecs(playbook);
  const labels = new Map<string, string>([
    ['buying role', NATIVE_PROPERTIES.buyingRole],
    ['persona', NATIVE_PROPERTIES.persona],
    ...specs.map((spec): [string, string] => [spec.label.toLowerCase(), spec.name]),
  ]);
  // Exports write option labels ("Blocker", "A person (never overwritten)"); plans compare values.
  const labelValues = optionLookup(specs, { [NATIVE_PROPERTIES.buyingRole]: BUYING_ROLE_OPTIONS });
  try {
    await access(options.csv, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: `Cannot read --csv ${options.csv} (${code}). Check the path.` };
  }
  const input = createReadStream(options.csv);
  const parser = input.pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true }),
  );
  mkdirSync(dirname(options.out), { recursive: true });
  const output = createWriteStream(options.out);
  const writer = stringify({ header: true, columns: ['Record ID', ...PLAN_WRITE_PROPERTIES] });
  writer.pipe(output);
  const classifiedAt = new Date().toISOString();
  const counts = { rows: 0, changed: 0, manual: 0, unchanged: 0, lowConfidence: 0 };
  let columns: Map<string, string> | undefined;
  for await (const row of parser as AsyncIterable<Record<string, string>>) {
    columns ??= mapColumns(Object.keys(row), labels);
    const get = (name: string) => {
      const column = columns?.get(name);
      return column === undefined ? undefined : row[column];
    };
    const id = get('id')?.trim();
    if (!id) {
      writer.end();
      return {
        ok: false,
        message: `--csv ${options.csv} has no "Record ID" column (or a row without one). Export contacts with Record ID included.`,
      };
    }
    counts.rows += 1;
    const company: CompanyFacts = {
      name: get('company') ?? null,
      employees: parseCount(get('numberofemployees')),
      industry: get('industry') ?? null,
      annualRevenue: parseCount(get('annualrevenue')),
    };
    const next = classify(
      { jobTitle: get('jobtitle') ?? null, seniorityHint: get('hs_seniority') ?? null },
      company,
      playbook,
    );
    const properties = Object.fromEntries(
      PLAN_WRITE_PROPERTIES.map((name) => {
        const cell = get(name)?.trim();
        return [name, cell ? toInternalValue(labelValues, name, cell) : null];
      }),
    );
    const plan = planContact({ id, properties, setByPerson: [] }, next, {
      classifiedAt,
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
  writer.end();
  await once(output, 'finish');
  return { ok: true, counts, out: options.out };
}

/** Maps each wanted value to the export's column, by internal name or label, ignoring case. */
function mapColumns(headers: readonly string[], labels: ReadonlyMap<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const header of headers) {
    const key = header.trim().toLowerCase();
    for (const [name, aliases] of Object.entries(INPUT_COLUMNS)) {
      if ((aliases as readonly string[]).includes(key) && !map.has(name)) map.set(name, header);
    }
    const owned = PLAN_WRITE_PROPERTIES.includes(key) ? key : labels.get(key);
    if (owned && !map.has(owned)) map.set(owned, header);
  }
  return map;
}

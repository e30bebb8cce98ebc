import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { OutputFile } from '../io/output-file.ts';
import type { ContactPlan } from './plan.ts';

export const PLAN_CSV_COLUMNS = ['contact', 'property', 'before', 'after', 'reasons'] as const;

/**
 * Streams a plan to `<base>.csv` and `<base>.json` as it is made, so a big portal never sits in memory. Both
 * appear (replacing older ones) only on close(): a failed or interrupted dry run leaves no half plan.
 */
export class PlanFile {
  readonly csvPath: string;
  readonly jsonPath: string;
  readonly #csv: ReturnType<typeof stringify>;
  readonly #csvFile: OutputFile;
  readonly #jsonFile: OutputFile;
  #first = true;
  contacts = 0;
  changes = 0;

  constructor(base: string) {
    const stem = base.replace(/\.(csv|json)$/i, '');
    this.csvPath = `${stem}.csv`;
    this.jsonPath = `${stem}.json`;
    this.#csvFile = new OutputFile(this.csvPath);
    this.#csv = stringify({ header: true, columns: [...PLAN_CSV_COLUMNS] });
    this.#csv.pipe(this.#csvFile.stream);
    this.#jsonFile = new OutputFile(this.jsonPath);
    this.#jsonFile.stream.write('[\n');
  }

  /** Adds one contact's changes; contacts with none are left out. */
  async add(plan: ContactPlan): Promise<void> {
    if (plan.changes.length === 0) return;
    this.contacts += 1;
    // The reasons once per contact, on its first row: repeating them made the CSV many times larger.
    let reasons = plan.why;
    for (const change of plan.changes) {
      this.changes += 1;
      const row = [plan.id, change.property, change.before ?? '', change.after, reasons];
      reasons = '';
      if (!this.#csv.write(row)) {
        await once(this.#csv, 'drain');
      }
    }
    const entry = JSON.stringify({ contact: plan.id, changes: plan.changes, reasons: plan.why });
    const ok = this.#jsonFile.stream.write(`${this.#first ? '' : ',\n'}  ${entry}`);
    this.#first = false;
    if (!ok) await once(this.#jsonFile.stream, 'drain');
  }

  /** Finishes both files and puts them in place. */
  async close(): Promise<void> {
    this.#csv.end();
    this.#jsonFile.stream.end('\n]\n');
    await Promise.all([finished(this.#csvFile.stream), finished(this.#jsonFile.stream)]);
    await this.#csvFile.commit();
    await this.#jsonFile.commit();
  }

  /** Drops both files (a run that failed): older plans at these paths stay as they were. */
  abort(): void {
    this.#csvFile.abort();
    this.#jsonFile.abort();
  }
}

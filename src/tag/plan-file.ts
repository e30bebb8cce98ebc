import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'csv-stringify';
import type { ContactPlan } from './plan.ts';

export const PLAN_CSV_COLUMNS = ['contact', 'property', 'before', 'after', 'reasons'] as const;

/** Streams a plan to `<base>.csv` and `<base>.json` as it is made, so a big portal never sits in memory. */
export class PlanFile {
  readonly csvPath: string;
  readonly jsonPath: string;
  readonly #csv: ReturnType<typeof stringify>;
  readonly #csvFile: WriteStream;
  readonly #json: WriteStream;
  #first = true;
  contacts = 0;
  changes = 0;

  constructor(base: string) {
    const stem = base.replace(/\.(csv|json)$/i, '');
    this.csvPath = `${stem}.csv`;
    this.jsonPath = `${stem}.json`;
    mkdirSync(dirname(this.csvPath), { recursive: true });
    this.#csvFile = createWriteStream(this.csvPath);
    this.#csv = stringify({ header: true, columns: [...PLAN_CSV_COLUMNS] });
    this.#csv.pipe(this.#csvFile);
    this.#json = createWriteStream(this.jsonPath);
    this.#json.write('[\n');
  }

  /** Adds one contact's changes; contacts with none are left out. */
  async add(plan: ContactPlan): Promise<void> {
    if (plan.changes.length === 0) return;
    this.contacts += 1;
    // The reasons once per contact, on its first row: repeating them made the CSV many times larger.
    let reasons = plan.why.join('; ');
    for (const change of plan.changes) {
      this.changes += 1;
      const row = [plan.id, change.property, change.before ?? '', change.after, reasons];
      reasons = '';
      if (!this.#csv.write(row)) {
        await once(this.#csv, 'drain');
      }
    }
    const entry = JSON.stringify({ contact: plan.id, changes: plan.changes, reasons: plan.why });
    const ok = this.#json.write(`${this.#first ? '' : ',\n'}  ${entry}`);
    this.#first = false;
    if (!ok) await once(this.#json, 'drain');
  }

  async close(): Promise<void> {
    this.#csv.end();
    this.#json.end('\n]\n');
    await Promise.all([once(this.#csvFile, 'finish'), once(this.#json, 'finish')]);
  }
}

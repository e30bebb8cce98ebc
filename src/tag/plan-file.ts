import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { OutputFile } from '../io/output-file.ts';
import type { ContactPlan } from './plan.ts';

export const PLAN_CSV_COLUMNS = ['contact', 'property', 'before', 'after', 'reasons', 'deal'] as const;

/** The CSV's `property` for a contact↔deal association label (before: the label removed, after: added). */
export const DEAL_LABEL_COLUMN = 'deal_label';

/** One planned contact↔deal label change in a plan file. */
export interface PlannedDealLabel {
  contact: string;
  /** The contact→deal association type id of the label. */
  typeId: number;
  /** The role the label stands for. */
  label: string;
  action: 'add' | 'remove';
  /** Labels (type ids) on that association when the plan was made: any other not rolecall's is a person's. */
  seen: number[];
  why: string;
}

/** One deal's entry in a plan file's JSON (after the contacts): its label changes and property changes. */
export interface PlannedDeal {
  deal: string;
  labels: PlannedDealLabel[];
  properties: Array<{ property: string; before: string | null; after: string }>;
}

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
  deals = 0;
  dealLabels = 0;
  dealProperties = 0;

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
      const row = [plan.id, change.property, change.before ?? '', change.after, reasons, ''];
      reasons = '';
      await this.#row(row);
    }
    await this.#entry({ contact: plan.id, changes: plan.changes, reasons: plan.why });
  }

  /** Adds one deal's label and property changes (after the contacts); deals with none are left out. */
  async addDeal(deal: PlannedDeal): Promise<void> {
    if (deal.labels.length + deal.properties.length === 0) return;
    this.deals += 1;
    for (const l of deal.labels) {
      this.dealLabels += 1;
      const [before, after] = l.action === 'add' ? ['', l.label] : [l.label, ''];
      await this.#row([l.contact, DEAL_LABEL_COLUMN, before, after, l.why, deal.deal]);
    }
    for (const p of deal.properties) {
      this.dealProperties += 1;
      await this.#row(['', p.property, p.before ?? '', p.after, '', deal.deal]);
    }
    await this.#entry(deal);
  }

  async #row(row: string[]): Promise<void> {
    if (!this.#csv.write(row)) await once(this.#csv, 'drain');
  }

  /** One compact JSON line per entry, so --apply streams the file. */
  async #entry(value: object): Promise<void> {
    const ok = this.#jsonFile.stream.write(`${this.#first ? '' : ',\n'}  ${JSON.stringify(value)}`);
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

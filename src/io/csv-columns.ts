/**
 * The one table of CSV column names rolecall reads, for `classify --csv` and `tag --csv` alike: HubSpot's
 * export label first, then the internal property name, then common spellings. Compared without case,
 * spaces or underscores, so "Job Title", "job_title" and "jobtitle" are the same column.
 */
export const CSV_COLUMNS = {
  id: ['Record ID', 'hs_object_id', 'Contact ID'],
  title: ['Job Title', 'jobtitle', 'Title', 'Position'],
  seniority: ['Seniority', 'hs_seniority'],
  lifecycle: ['Lifecycle Stage', 'lifecyclestage'],
  company: ['Company Name', 'company', 'Company'],
  employees: ['Number of Employees', 'numberofemployees', 'Employees', 'Company size'],
  industry: ['Industry'],
  revenue: ['Annual Revenue', 'annualrevenue', 'Revenue'],
} as const;

export type CsvField = keyof typeof CSV_COLUMNS;

/** The HubSpot property each field holds (the company's name is `name` on a company record). */
const PROPERTY_OF: Readonly<Partial<Record<CsvField, string>>> = {
  title: 'jobtitle',
  seniority: 'hs_seniority',
  lifecycle: 'lifecyclestage',
  company: 'name',
  employees: 'numberofemployees',
  industry: 'industry',
  revenue: 'annualrevenue',
};

/**
 * A CSV row as HubSpot record properties, so it becomes classify() input through the same rule as a record
 * read from the API (`contactFacts` and `companyFacts` in src/hubspot/record-input.ts).
 */
export function csvRecord(
  row: Readonly<Record<string, string | undefined>>,
  columns: Readonly<Partial<Record<CsvField, string>>>,
): Record<string, string | undefined> {
  const properties: Record<string, string | undefined> = {};
  for (const [field, property] of Object.entries(PROPERTY_OF) as [CsvField, string][]) {
    const header = columns[field];
    if (header !== undefined) properties[property] = row[header];
  }
  return properties;
}

/** How two header spellings are compared. */
export const columnKey = (header: string): string => header.toLowerCase().replace(/[\s_]/g, '');

/** The header matching one of `wanted`, trying them in order. */
export function findColumn(headers: readonly string[], wanted: readonly string[]): string | undefined {
  for (const name of wanted) {
    const found = headers.find((header) => columnKey(header) === columnKey(name));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Each field of the table mapped to the header that holds it, when the file has one. */
export function mapCsvColumns(headers: readonly string[]): Partial<Record<CsvField, string>> {
  const map: Partial<Record<CsvField, string>> = {};
  for (const field of Object.keys(CSV_COLUMNS) as CsvField[]) {
    const found = findColumn(headers, CSV_COLUMNS[field]);
    if (found !== undefined) map[field] = found;
  }
  return map;
}

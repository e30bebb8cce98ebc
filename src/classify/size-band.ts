import type { CompanyFacts, KnownSizeBand, SizeBand } from '../taxonomy.ts';

/** Used when the playbook sets no ratio: a common B2B revenue per employee, in the company's currency. */
export const DEFAULT_REVENUE_PER_EMPLOYEE = 200_000;

const UPPER_BOUNDS: readonly [number, KnownSizeBand][] = [
  [10, '1-10'],
  [50, '11-50'],
  [200, '51-200'],
  [1000, '201-1000'],
  [5000, '1001-5000'],
];

function bandOf(employees: number): KnownSizeBand {
  for (const [upper, band] of UPPER_BOUNDS) if (employees <= upper) return band;
  return '5001+';
}

function usable(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The size band and, when it was not read from a head count, the sentence saying how it was estimated. */
export interface SizeReading {
  band: SizeBand;
  reason?: string;
}

/**
 * Reads the size band (taxonomy §5): head count first; else annual revenue divided by the
 * revenue-per-employee ratio, marked as an estimate; else `unknown`.
 */
export function readSizeBand(company?: CompanyFacts | null, revenuePerEmployee?: number): SizeReading {
  if (usable(company?.employees)) return { band: bandOf(Math.round(company.employees)) };
  const ratio = usable(revenuePerEmployee) ? revenuePerEmployee : DEFAULT_REVENUE_PER_EMPLOYEE;
  if (usable(company?.annualRevenue)) {
    const estimate = Math.max(1, Math.round(company.annualRevenue / ratio));
    const band = bandOf(estimate);
    return {
      band,
      reason: `size ${band} estimated from annual revenue ${company.annualRevenue} at ${ratio} per employee (no head count)`,
    };
  }
  return { band: 'unknown' };
}

/** The company's size band: employees, else a revenue estimate, else `unknown`. */
export function sizeBand(company?: CompanyFacts | null, revenuePerEmployee?: number): SizeBand {
  return readSizeBand(company, revenuePerEmployee).band;
}

import { describe, expect, it } from 'vitest';
import { classifyLine, toCount } from '../../src/cli/classify-line.ts';

describe('rolecall classify --jsonl: numbers that cannot be read', () => {
  it('classifies the line and warns about a count that is not a number', () => {
    const record = classifyLine({ title: 'CEO', company: { employees: 'abc' } }, 1);
    expect(record).toMatchObject({ seniority: 'c_level', function: 'executive' });
    expect(record.error).toBeUndefined();
    expect(record.warnings).toEqual([
      'company.employees "abc" is not a number and was ignored; write a number, e.g. "employees": 500.',
    ]);
  });

  it('treats negative counts as invalid, as numbers or as text', () => {
    const record = classifyLine({ title: 'CEO', company: { employees: -5, annualRevenue: '-2,000' } }, 1);
    expect(record.seniority).toBe('c_level');
    expect(record.warnings).toEqual([
      expect.stringMatching(/^company\.employees -5 is negative and was ignored; write a count of 0 or more/),
      expect.stringMatching(/^company\.annualRevenue "-2,000" is negative and was ignored/),
    ]);
    expect(toCount(-5)).toBeNull();
    expect(toCount('-5')).toBeNull();
  });

  it('adds no warnings field for good, empty or missing counts', () => {
    for (const employees of [500, '1,500', '51-200', '', null, undefined]) {
      const record = classifyLine({ title: 'VP Sales', company: { employees } }, 1);
      expect(record).not.toHaveProperty('warnings');
    }
  });

  it('ignores a bad count the same way a missing one is ignored', () => {
    const bad = classifyLine({ title: 'Head of Sales', company: { employees: 'lots' } }, 1);
    const missing = classifyLine({ title: 'Head of Sales', company: {} }, 1);
    const { warnings, ...rest } = bad;
    expect(warnings).toHaveLength(1);
    expect(rest).toEqual(missing);
  });
});

import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.ts';
import { classifyRecord, playbookFields, toOutputRecord } from '../../src/cli/classify-io.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';

describe('classifyRecord (the one line of --jsonl, --csv and --json)', () => {
  it('is the title fields then the playbook fields, same keys, order and values', () => {
    for (const title of ['VP Sales', 'IT Manager', '', 'Student', 'Gründer & CTO']) {
      const company = { name: null, employees: 40, industry: 'COMPUTER_SOFTWARE', annualRevenue: null };
      const result = classify({ jobTitle: title }, company, defaultPlaybook);
      const expected = { ...toOutputRecord(result), ...playbookFields(result) };
      const record = classifyRecord(title, company);
      expect(Object.keys(record)).toEqual(Object.keys(expected));
      expect(JSON.stringify(record)).toBe(JSON.stringify(expected));
    }
  });
});

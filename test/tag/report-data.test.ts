import { describe, expect, it } from 'vitest';
import { AuditDb, type SeenRow } from '../../src/tag/audit-db.ts';
import { reportData } from '../../src/tag/report/report-data.ts';

const row = (id: string, title: string, seniority: string, fn: string): SeenRow => ({
  contact_id: id,
  company_id: null,
  company_name: null,
  title,
  persona: 'unknown',
  persona_kind: 'unknown',
  role: 'unknown',
  seniority,
  function: fn,
  confidence: 0.3,
  abstained: seniority === 'unknown' || fn === 'unknown' ? 1 : 0,
  outcome: 'changed',
});

describe('report data', () => {
  it('counts a contact unclassified only when both seniority and function are unknown (taxonomy §3)', () => {
    const db = new AuditDb(':memory:');
    db.createRun({ id: 'r1', kind: 'tag', target: 'test', options: {} });
    db.recordSeen('r1', [
      row('1', 'Ninja', 'unknown', 'unknown'),
      row('2', 'Sales', 'unknown', 'sales'),
      row('3', 'Director', 'director', 'unknown'),
      row('4', 'VP Sales', 'vp', 'sales'),
    ]);
    const data = reportData(db, 'r1', []);
    expect(data?.unclassified).toBe(1);
    expect(data?.partlyRead).toBe(2);
    expect(data?.topUnclassifiedTitles).toEqual([{ key: 'Ninja', count: 1 }]);
    db.close();
  });
});

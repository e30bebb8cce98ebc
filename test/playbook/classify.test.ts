import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { classify } from '../../src/classify/classify.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { CompanyFacts, ContactFacts } from '../../src/taxonomy.ts';

interface Row {
  desc: string;
  contact: ContactFacts;
  company: CompanyFacts | null;
  expect: Record<string, unknown>;
}

const rows = parse(readFileSync(new URL('./fixtures/classify-cases.yaml', import.meta.url), 'utf8')) as Row[];

describe('classify() on the default playbook (fixture table)', () => {
  it('decides every row as the table says (all misses reported together)', () => {
    const misses: string[] = [];
    for (const row of rows) {
      const result = classify(row.contact, row.company, defaultPlaybook) as unknown as Record<
        string,
        unknown
      >;
      for (const [key, want] of Object.entries(row.expect)) {
        if (JSON.stringify(result[key]) !== JSON.stringify(want)) {
          misses.push(
            `${row.desc}: ${key} = ${JSON.stringify(result[key])}, want ${JSON.stringify(want)} (read ${result.seniority}/${result.function}/${result.sizeBand})`,
          );
        }
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('classify()', () => {
  it('carries reasons for every decision and the playbook version', () => {
    const result = classify(
      { jobTitle: 'VP Finance' },
      { employees: 1200, industry: 'COMPUTER_SOFTWARE' },
      defaultPlaybook,
    );
    expect(result.roleRules).toEqual(['budget-leader']);
    expect(result.roleReasons[0]).toMatch(/controls the budget/);
    expect(result.personaRules).toEqual(['finance_leader']);
    expect(result.fitReasons.join(' ')).toContain('computer_software');
    expect(result.playbookVersion).toBe(defaultPlaybook.version);
    expect(result.hubspotPersona).toBe('persona_2');
  });

  it('fills a missing or default seniority from the enrichment hint and says so', () => {
    const without = classify({ jobTitle: 'Sales' }, { employees: 300 }, defaultPlaybook);
    const withHint = classify(
      { jobTitle: 'Sales', seniorityHint: 'director' },
      { employees: 300 },
      defaultPlaybook,
    );
    // An area word without a rank word reads as an individual contributor by default; the hint replaces that.
    expect(without.seniority).toBe('entry');
    expect(without.rules).toContain('seniority-default');
    expect(withHint.seniority).toBe('director');
    expect(withHint.rules).not.toContain('seniority-default');
    expect(withHint.buyingRole).toBe('decision_maker');
    expect(withHint.reasons.join(' ')).toContain('enrichment hint "director"');
    // A hint never overrides what the title says.
    expect(classify({ jobTitle: 'CFO', seniorityHint: 'entry' }, null, defaultPlaybook).seniority).toBe(
      'c_level',
    );
  });

  it('never throws and stays deterministic on weird input', () => {
    const weird: unknown[] = [
      null,
      undefined,
      42,
      '',
      ' ',
      '🙂🙂',
      'a'.repeat(10_000),
      '\u0000\u202e',
      {},
      [],
      'CEO',
    ];
    for (const title of weird) {
      for (const company of [
        null,
        undefined,
        {},
        { employees: -5, annualRevenue: Number.NaN, industry: 7 },
      ]) {
        const contact = { jobTitle: title, seniorityHint: title } as ContactFacts;
        const first = classify(contact, company as CompanyFacts, defaultPlaybook);
        expect(classify(contact, company as CompanyFacts, defaultPlaybook)).toEqual(first);
        expect(defaultPlaybook.roles.map((r) => r.id)).toContain(first.buyingRole);
      }
    }
    expect(() => classify(null, null, defaultPlaybook)).not.toThrow();
  });
});

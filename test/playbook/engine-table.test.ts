import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { readWithPlaybook } from '../../src/playbook/read-with-playbook.ts';
import type { TitleResult } from '../../src/taxonomy.ts';

interface Row {
  desc: string;
  in: {
    seniority: string;
    function: string;
    band: string;
    industry?: string;
    title?: string;
    confidence?: number;
    /** HubSpot lifecyclestage, for customer personas. */
    lifecycle?: string;
  };
  expect: Record<string, unknown>;
}

const rows = parse(readFileSync(new URL('./fixtures/engine-cases.yaml', import.meta.url), 'utf8')) as Row[];

/** A title reading built by hand, so these rows test the playbook, not the title reader. */
function titleResult(input: Row['in']): TitleResult {
  const unknown = input.seniority === 'unknown' && input.function === 'unknown';
  return {
    title: input.title ?? `${input.seniority} ${input.function}`,
    seniority: input.seniority as TitleResult['seniority'],
    function: input.function as TitleResult['function'],
    secondaryFunctions: [],
    confidence: input.confidence ?? 0.9,
    rules: [],
    reasons: [],
    abstained: unknown,
    sizeBand: input.band as TitleResult['sizeBand'],
  };
}

describe('default playbook decisions over title readings (fixture table)', () => {
  it('has rows for every persona, negative persona and inferable role', () => {
    const personas = new Set(rows.map((row) => row.expect.persona));
    for (const p of [...defaultPlaybook.personas, ...defaultPlaybook.negativePersonas]) {
      expect(personas, p.id).toContain(p.id);
    }
  });

  it('decides every row as the table says (all misses reported together)', () => {
    const misses: string[] = [];
    for (const row of rows) {
      const title = titleResult(row.in);
      const reading = {
        ...title,
        ...readWithPlaybook(title, { industry: row.in.industry ?? null }, defaultPlaybook, row.in.lifecycle),
      };
      for (const [key, want] of Object.entries(row.expect)) {
        const got = (reading as unknown as Record<string, unknown>)[key];
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          misses.push(
            `${row.desc}: ${key} = ${JSON.stringify(got)}, want ${JSON.stringify(want)} (${reading.roleRules.join(',')} | ${reading.roleReasons[0]})`,
          );
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it('removing any one role rule changes some row (no rule is dead weight)', () => {
    const outcome = (playbook: typeof defaultPlaybook) =>
      rows.map((row) => {
        const reading = readWithPlaybook(
          titleResult(row.in),
          { industry: row.in.industry ?? null },
          playbook,
          row.in.lifecycle,
        );
        return `${reading.buyingRole}+${reading.extraRoles?.join('+')}`;
      });
    const full = outcome(defaultPlaybook);
    const unchanged = defaultPlaybook.roleRules
      .filter((rule) => {
        const without = {
          ...defaultPlaybook,
          roleRules: defaultPlaybook.roleRules.filter((r) => r !== rule),
        };
        return JSON.stringify(outcome(without)) === JSON.stringify(full);
      })
      .map((rule) => rule.id);
    expect(unchanged).toEqual([]);
  });

  it('every role rule decides at least one row (no dead rules)', () => {
    const used = new Set<string>();
    for (const row of rows) {
      const title = titleResult(row.in);
      for (const id of readWithPlaybook(
        title,
        { industry: row.in.industry ?? null },
        defaultPlaybook,
        row.in.lifecycle,
      ).roleRules)
        used.add(id);
    }
    const unused = defaultPlaybook.roleRules.map((rule) => rule.id).filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });
});

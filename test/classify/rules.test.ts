import { describe, expect, it } from 'vitest';
import {
  createTitleReader,
  loadDefaultRuleset,
  type Ruleset,
  type TitleReader,
} from '../../src/classify/index.ts';
import { parseExample, readFixtureRows, type TitleRow } from './rows.ts';

const ruleset = loadDefaultRuleset();
const examples: TitleRow[] = [
  ...ruleset.terms.flatMap((term) => (term.examples ?? []).map((e) => parseExample(e, `lexicon ${term.id}`))),
  ...ruleset.contextRules.flatMap((rule) =>
    (rule.examples ?? []).map((e) => parseExample(e, `context rule ${rule.id}`)),
  ),
];
const rows = [...readFixtureRows('titles'), ...examples];

/** What a reader says about every row, as one comparable string per row. */
function outcomes(read: TitleReader): string[] {
  return rows.map((row) => {
    const r = read(row.title, row.company);
    return `${r.seniority}|${r.function}|${r.secondaryFunctions.join(',')}|${r.confidence}`;
  });
}

describe('title rules', () => {
  it('gets every example written beside a rule right', () => {
    const read = createTitleReader(ruleset);
    const wrong = examples.flatMap((row) => {
      const r = read(row.title, row.company);
      return r.seniority === row.seniority && r.function === row.function
        ? []
        : [
            `${row.source}: "${row.title}" want ${row.seniority}/${row.function}, got ${r.seniority}/${r.function}`,
          ];
    });
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  it('needs every rule: removing any one changes the reading of some fixture or example row', () => {
    const baseline = outcomes(createTitleReader(ruleset));
    const idle: string[] = [];
    const variants: [string, Ruleset][] = [
      ...ruleset.terms.map((term, i): [string, Ruleset] => [
        `lexicon ${term.id}`,
        { ...ruleset, terms: ruleset.terms.filter((_, k) => k !== i) },
      ]),
      ...ruleset.contextRules.map((rule, i): [string, Ruleset] => [
        `context rule ${rule.id}`,
        { ...ruleset, contextRules: ruleset.contextRules.filter((_, k) => k !== i) },
      ]),
    ];
    for (const [name, variant] of variants) {
      const changed = outcomes(createTitleReader(variant)).some((outcome, k) => outcome !== baseline[k]);
      if (!changed) idle.push(name);
    }
    expect(idle, `rules no row needs (add an example or remove the rule):\n${idle.join('\n')}`).toEqual([]);
    // One reader per rule over every row: ~200 readers, slow on a loaded 2-core machine.
  }, 300_000);
});

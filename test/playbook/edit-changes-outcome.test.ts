import { describe, expect, it } from 'vitest';
import { loadPlaybookText } from '../../src/playbook/load.ts';
import { readWithPlaybook } from '../../src/playbook/read-with-playbook.ts';
import type { TitleResult } from '../../src/taxonomy.ts';
import { DEFAULT_YAML, REVIEW_DAY } from './base.ts';

const reading = (seniority: string, fn: string, band = '201-1000'): TitleResult => ({
  title: `${seniority} ${fn}`,
  seniority: seniority as TitleResult['seniority'],
  function: fn as TitleResult['function'],
  secondaryFunctions: [],
  confidence: 0.9,
  rules: [],
  reasons: [],
  abstained: false,
  sizeBand: band as TitleResult['sizeBand'],
});

/** Loads the shipped YAML after a plain text edit, as a RevOps person would make it. */
function edited(find: string, replace: string) {
  expect(DEFAULT_YAML).toContain(find);
  const loaded = loadPlaybookText(DEFAULT_YAML.replace(find, replace), 'edited.yaml', { today: REVIEW_DAY });
  expect(loaded.errors.map((e) => e.text)).toEqual([]);
  if (!loaded.value) throw new Error('unreachable: errors were empty');
  return loaded.value;
}

const original = () => edited('version:', 'version:');

describe('editing the playbook file changes outcomes with no code change', () => {
  it('re-targeting the product to HR makes a VP HR the decision maker and a VP Sales an influencer', () => {
    const hr = edited('userFunctions: [sales, marketing, customer_success]', 'userFunctions: [hr]');
    expect(readWithPlaybook(reading('vp', 'hr'), null, original()).buyingRole).toBe('influencer');
    expect(readWithPlaybook(reading('vp', 'hr'), null, hr)).toMatchObject({
      buyingRole: 'decision_maker',
      persona: 'function_leader',
    });
    expect(readWithPlaybook(reading('vp', 'sales'), null, hr)).toMatchObject({
      buyingRole: 'influencer',
      persona: 'unknown',
    });
  });

  it("narrowing a persona's seniority moves managers to no persona", () => {
    const narrowed = edited(
      'seniority: [manager, senior, entry, unknown], priority: 10',
      'seniority: [senior, entry, unknown], priority: 10',
    );
    expect(readWithPlaybook(reading('manager', 'sales'), null, original()).persona).toBe('team_practitioner');
    expect(readWithPlaybook(reading('manager', 'sales'), null, narrowed).persona).toBe('unknown');
  });

  it('raising a persona priority changes who wins an overlap', () => {
    const widened = edited(
      'match: { productFunctions: [user], seniority: [c_level, vp, head, director], priority: 10 }',
      'match: { productFunctions: [user], seniority: [c_level, vp, head, director, manager], priority: 20 }',
    );
    expect(readWithPlaybook(reading('manager', 'marketing'), null, widened).persona).toBe('function_leader');
  });

  it('a role rule note and confidence come from the file', () => {
    const pb = edited(
      'confidence: 0.85\n  - id: budget-director-mid',
      'confidence: 0.55\n  - id: budget-director-mid',
    );
    const cfo = readWithPlaybook(reading('c_level', 'finance'), null, pb);
    expect(cfo.roleRules).toEqual(['budget-leader']);
    expect(cfo.roleConfidence).toBe(0.55);
    expect(cfo.roleReasons[0]).toBe('The CFO or VP Finance controls the budget and approves software spend.');
  });

  it('an industry rule added above a general one applies only in that industry', () => {
    const banking = edited(
      '  - id: user-vp-large\n',
      [
        '  - id: bank-vp',
        '    match: { industries: [Banking], seniority: [vp], productFunctions: [user] }',
        '    assign: { role: champion }',
        '    note: In banks VP is a rank held by team leads, so a VP there is a champion at most.',
        '    confidence: 0.6',
        '  - id: user-vp-large',
        '',
      ].join('\n'),
    );
    const vp = reading('vp', 'sales', '5001+');
    expect(readWithPlaybook(vp, { industry: 'BANKING' }, banking)).toMatchObject({
      buyingRole: 'champion',
      roleRules: ['bank-vp'],
    });
    expect(readWithPlaybook(vp, { industry: 'COMPUTER_SOFTWARE' }, banking).roleRules).toEqual([
      'user-vp-large',
    ]);
    expect(readWithPlaybook(vp, null, banking).roleRules).toEqual(['user-vp-large']);
  });

  it('changing the ICP changes fit and the out-of-profile persona', () => {
    const noSmall = edited('sizeBands: ["11-50", "51-200",', 'sizeBands: ["51-200",');
    expect(readWithPlaybook(reading('manager', 'sales', '11-50'), null, original())).toMatchObject({
      fit: true,
      persona: 'team_practitioner',
    });
    expect(readWithPlaybook(reading('manager', 'sales', '11-50'), null, noSmall)).toMatchObject({
      fit: false,
      persona: 'out_of_profile',
    });
  });
});

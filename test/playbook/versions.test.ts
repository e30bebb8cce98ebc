import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyEdit, diffPlaybooks, errorsUnder, setAt, toYaml } from '../../src/playbook/versions.ts';
import { baseData, REVIEW_DAY } from './base.ts';

describe('editing a playbook document', () => {
  it('changes one talking point and passes the same checks as playbook check', () => {
    const data = baseData();
    const path = ['personas', 1, 'talkingPoints', 'economic_buyer', 0];
    const edit = applyEdit(
      data,
      path,
      'Start from the budget line they already have for forecasting tools.',
      REVIEW_DAY,
    );
    expect(edit.errors).toEqual([]);
    expect(edit.value?.personas[1]?.talkingPoints.economic_buyer?.[0]).toMatch(/^Start from the budget line/);
    // The original is untouched.
    expect(data.personas[1].talkingPoints.economic_buyer[0]).not.toMatch(/^Start from/);
  });

  it('refuses an invalid edit and puts the error on the field', () => {
    const path = ['personas', 1, 'talkingPoints', 'economic_buyer', 0];
    const edit = applyEdit(baseData(), path, 'short', REVIEW_DAY);
    expect(edit.value).toBeNull();
    expect(errorsUnder(edit.fieldErrors, path)).toEqual(['write a full sentence (10+ characters)']);
    expect(errorsUnder(edit.fieldErrors, ['personas', 0])).toEqual([]);
  });

  it('refuses an edit the cross-checks reject (a persona hidden by another)', () => {
    const edit = applyEdit(
      baseData(),
      ['personas', 3, 'match'],
      { productFunctions: ['user'], seniority: ['director'], priority: 10 },
      REVIEW_DAY,
    );
    expect(edit.value).toBeNull();
    expect(errorsUnder(edit.fieldErrors, ['personas', 3]).join(' ')).toContain('can never be chosen');
  });

  it('removes a key when the value is undefined', () => {
    expect(setAt({ a: 1, b: { c: 2 } }, ['b', 'c'], undefined)).toEqual({ a: 1, b: {} });
  });
});

describe('what changed between two versions', () => {
  it('names a changed talking point by persona id, and an added persona as one change', () => {
    const before = baseData();
    let after = setAt(
      before,
      ['personas', 1, 'talkingPoints', 'economic_buyer', 0],
      'New point for the CFO here.',
    );
    const extra = { ...before.personas[0], id: 'board_member', name: 'Board Member' };
    after = setAt(after, ['personas', before.personas.length], extra);
    const changes = diffPlaybooks(before, after);
    expect(changes).toEqual([
      {
        path: 'personas[finance_leader].talkingPoints.economic_buyer[0]',
        kind: 'changed',
        before: before.personas[1].talkingPoints.economic_buyer[0],
        after: 'New point for the CFO here.',
      },
      { path: 'personas[board_member]', kind: 'added', after: extra },
    ]);
    expect(diffPlaybooks(before, baseData())).toEqual([]);
  });
});

describe('YAML export', () => {
  it('round-trips the document', () => {
    const data = baseData();
    expect(parse(toYaml(data))).toEqual(data);
  });
});

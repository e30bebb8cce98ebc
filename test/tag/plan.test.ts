import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type ContactSnapshot, personSetProperties, planContact } from '../../src/tag/plan.ts';
import type { Classification } from '../../src/taxonomy.ts';

const vpSales: Classification = {
  title: 'VP Sales',
  seniority: 'vp',
  function: 'sales',
  secondaryFunctions: [],
  confidence: 0.9,
  rules: ['vp'],
  reasons: ["'vp' → vp", "'sales' → sales"],
  abstained: false,
  sizeBand: '201-1000',
  buyingRole: 'decision_maker',
  hubspotBuyingRole: 'DECISION_MAKER',
  persona: 'revenue_leader',
  personaKind: 'persona',
  personaConfidence: 0.8,
  hubspotPersona: 'persona_1',
  roleRules: ['target-vp'],
  roleReasons: ['VPs of a target function choose the solution.'],
  personaRules: ['revenue_leader'],
  personaReasons: ['sales leader'],
  fit: true,
  fitReasons: [],
  playbookVersion: '1.0.0',
};

const at = '2026-11-25T12:00:00.000Z';
const base = { classifiedAt: at, playbook: defaultPlaybook, company: null };
const snapshot = (
  properties: ContactSnapshot['properties'],
  setByPerson: string[] = [],
): ContactSnapshot => ({
  id: '42',
  properties,
  setByPerson,
});

const cases: {
  desc: string;
  snapshot: ContactSnapshot;
  options?: object;
  expect: { skipped: string | null; writes?: string[]; keeps?: string[] };
}[] = [
  {
    desc: 'an untagged contact gets every property and a timestamp',
    snapshot: snapshot({ jobtitle: 'VP Sales' }),
    expect: {
      skipped: null,
      writes: [
        'rolecall_persona',
        'rolecall_buying_role',
        'rolecall_seniority',
        'rolecall_function',
        'rolecall_confidence',
        'rolecall_reasons',
        'rolecall_source',
        'rolecall_playbook_version',
        'hs_buying_role',
        'hs_persona',
        'rolecall_classified_at',
      ],
    },
  },
  {
    desc: 'a contact a rep marked manual is skipped whole',
    snapshot: snapshot({ rolecall_source: 'manual', rolecall_buying_role: 'champion' }),
    expect: { skipped: 'manual' },
  },
  {
    desc: 'a native buying role typed by a person is left alone',
    snapshot: snapshot({ hs_buying_role: 'CHAMPION' }, ['hs_buying_role']),
    expect: { skipped: null, keeps: ['hs_buying_role'] },
  },
  {
    desc: 'a blocker is never cleared, even when automation set it',
    snapshot: snapshot({ hs_buying_role: 'BLOCKER' }),
    expect: { skipped: null, keeps: ['hs_buying_role'] },
  },
  {
    desc: 'only-empty keeps filled values',
    snapshot: snapshot({ rolecall_persona: 'ops_lead' }),
    options: { onlyEmpty: true },
    expect: { skipped: null, keeps: ['rolecall_persona'] },
  },
  {
    desc: 'low confidence writes nothing',
    snapshot: snapshot({}),
    options: { minConfidence: 0.95 },
    expect: { skipped: 'low_confidence' },
  },
];

describe('planContact', () => {
  for (const row of cases) {
    it(row.desc, () => {
      const plan = planContact(row.snapshot, vpSales, { ...base, ...row.options });
      expect(plan.skipped).toBe(row.expect.skipped);
      const written = plan.changes.map((change) => change.property);
      if (row.expect.writes) expect(written).toEqual(row.expect.writes);
      for (const kept of row.expect.keeps ?? []) expect(written).not.toContain(kept);
      if (row.expect.skipped) expect(plan.changes).toEqual([]);
    });
  }

  it('makes zero writes when the values already match (a rerun)', () => {
    const first = planContact(snapshot({}), vpSales, base);
    const after = Object.fromEntries(first.changes.map((change) => [change.property, change.after]));
    const rerun = planContact(
      snapshot({ ...after, hs_buying_role: 'DECISION_MAKER', rolecall_confidence: '0.9' }),
      vpSales,
      { ...base, classifiedAt: '2026-11-26T00:00:00.000Z' },
    );
    expect(rerun.skipped).toBe('unchanged');
    expect(rerun.changes).toEqual([]);
  });

  it('records the value before each change', () => {
    const plan = planContact(
      snapshot({ rolecall_buying_role: 'champion', rolecall_source: 'auto' }),
      vpSales,
      base,
    );
    expect(plan.changes).toContainEqual({
      property: 'rolecall_buying_role',
      before: 'champion',
      after: 'decision_maker',
    });
    expect(plan.changes.map((c) => c.property)).not.toContain('rolecall_source');
  });
});

describe('personSetProperties', () => {
  it('reads the newest history entry of each property', () => {
    const names = personSetProperties({
      hs_buying_role: [{ sourceType: 'CRM_UI' }, { sourceType: 'INTEGRATION' }],
      rolecall_persona: [{ sourceType: 'INTEGRATION' }, { sourceType: 'CRM_UI' }],
      hs_persona: [],
    });
    expect(names).toEqual(['hs_buying_role']);
  });

  it("counts a person's file import, but not an import of rolecall's own offline output", () => {
    const at = '2026-11-01T10:00:00.000Z';
    const later = '2026-11-01T10:02:00.000Z';
    expect(personSetProperties({ hs_buying_role: [{ sourceType: 'IMPORT', timestamp: at }] })).toEqual([
      'hs_buying_role',
    ]);
    expect(
      personSetProperties({
        rolecall_source: [{ sourceType: 'IMPORT', value: 'auto', timestamp: later }],
        hs_buying_role: [{ sourceType: 'IMPORT', value: 'CHAMPION', timestamp: at }],
        rolecall_persona: [{ sourceType: 'IMPORT', value: 'x', timestamp: '2026-10-01T00:00:00.000Z' }],
      }),
    ).toEqual(['rolecall_persona']);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type AssociationLabelRef,
  candidatesFor,
  type DealContact,
  type DealFacts,
  dealKind,
  dealRoleLabels,
  dealSettings,
  dealSizeBand,
  evaluateDeal,
  planDealLabels,
  type RoleReading,
  talkingPointsForRole,
} from '../../src/deals/index.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { loadPlaybookData } from '../../src/playbook/load.ts';
import type { BuyingRole } from '../../src/taxonomy.ts';

const NOW = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;
const playbook = defaultPlaybook;
const roleLabels = dealRoleLabels(playbook);
const settings = dealSettings(playbook.deals);

const deal = (over: Partial<DealFacts> = {}): DealFacts => ({
  id: 'd1',
  name: 'Acme – New business',
  amount: 50_000,
  pipelineId: 'default',
  stageId: 'qualifiedtobuy',
  dealType: 'newbusiness',
  closed: false,
  won: false,
  ...over,
});

const reading = (
  buyingRole: BuyingRole,
  extraRoles: BuyingRole[] = [],
  roleConfidence = 0.8,
): RoleReading => ({
  buyingRole,
  extraRoles,
  roleConfidence,
  persona: 'function_leader',
});

const person = (
  id: string,
  role: BuyingRole,
  daysAgo: number | null = 3,
  extra: BuyingRole[] = [],
): DealContact => ({
  id,
  title: `${role} title`,
  classification: reading(role, extra),
  lastActivity: daysAgo === null ? null : NOW - daysAgo * DAY,
  labels: [],
});

describe('deal kind and size', () => {
  it('tells renewals and expansions from new business by type, pipeline and name', () => {
    expect(dealKind(deal(), settings).kind).toBe('new');
    expect(dealKind(deal({ dealType: 'existingbusiness' }), settings).kind).toBe('expansion');
    expect(dealKind(deal({ dealType: 'existingbusiness', name: 'Acme – Renewal 2027' }), settings).kind).toBe(
      'renewal',
    );
    expect(dealKind(deal({ pipelineId: '7', pipelineLabel: 'Renewals & Expansion' }), settings).kind).toBe(
      'renewal',
    );
  });

  it('bands amounts (no amount → middle band)', () => {
    expect(dealSizeBand(9_999, settings)).toBe('small');
    expect(dealSizeBand(10_000, settings)).toBe('mid');
    expect(dealSizeBand(250_000, settings)).toBe('large');
    expect(dealSizeBand(null, settings)).toBe('mid');
  });
});

describe('evaluateDeal', () => {
  it("says why in the playbook's role labels, never ids", () => {
    const renamed = {
      ...playbook,
      roles: playbook.roles.map((r) => (r.id === 'economic_buyer' ? { ...r, label: 'Budget holder' } : r)),
    };
    const e = evaluateDeal({
      deal: deal(),
      contacts: [
        { ...person('1', 'economic_buyer'), title: 'CFO' },
        { ...person('2', 'technical_evaluator'), title: 'IT Architect' },
      ],
      playbook: renamed,
      roleLabels,
      now: NOW,
    });
    const whys = e.contacts.map((c) => c.why);
    expect(whys.join(' | ')).toContain('reads as Budget holder');
    for (const why of whys) expect(why).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it('an open deal with no contacts is missing every required role', () => {
    const e = evaluateDeal({ deal: deal(), contacts: [], playbook, roleLabels, now: NOW });
    expect(e.required.length).toBeGreaterThan(0);
    expect(e.missing).toEqual(e.required);
    expect(e.completeness).toBe(0);
    expect(e.singleThreaded).toBe(false);
  });

  it('fills required roles, finds what is missing and who is engaged in the last 30 days', () => {
    const contacts = [
      person('1', 'economic_buyer', 45),
      person('2', 'champion', 2),
      person('3', 'end_user', 1),
    ];
    const e = evaluateDeal({ deal: deal({ amount: 50_000 }), contacts, playbook, roleLabels, now: NOW });
    expect(e.required).toEqual(['economic_buyer', 'decision_maker', 'champion', 'technical_evaluator']);
    expect(e.filled).toEqual(['economic_buyer', 'champion']);
    expect(e.missing).toEqual(['decision_maker', 'technical_evaluator']);
    expect(e.engaged).toEqual(['champion']);
    expect(e.completeness).toBe(50);
    expect(e.singleThreaded).toBe(false);
  });

  it('the same director is the decision maker on one deal and an influencer on the next', () => {
    const director = person('9', 'influencer', 3, ['decision_maker']);
    const needsDm = evaluateDeal({ deal: deal(), contacts: [director], playbook, roleLabels, now: NOW });
    expect(needsDm.contacts[0]?.role).toBe('decision_maker');
    const small = evaluateDeal({
      deal: deal({ amount: 2_000 }),
      contacts: [director],
      playbook,
      roleLabels,
      now: NOW,
    });
    expect(small.contacts[0]?.role).toBe('influencer');
  });

  it('renewals need customer roles: the evaluator of the first sale counts as a champion', () => {
    const contacts = [person('1', 'technical_evaluator'), person('2', 'economic_buyer')];
    const e = evaluateDeal({
      deal: deal({ name: 'Acme – Renewal 2027', dealType: 'existingbusiness' }),
      contacts,
      playbook,
      roleLabels,
      now: NOW,
    });
    expect(e.kind).toBe('renewal');
    expect(e.required).toEqual(['economic_buyer', 'champion', 'end_user']);
    expect(e.contacts.find((c) => c.id === '1')?.role).toBe('champion');
    expect(e.missing).toEqual(['end_user']);
  });

  it('a label a person set decides that contact role', () => {
    const champion = roleLabels.find((l) => l.role === 'champion');
    const c = {
      ...person('1', 'end_user'),
      labels: [{ typeId: 77, label: champion?.label ?? '', byRolecall: false }],
    };
    const e = evaluateDeal({ deal: deal({ amount: 2_000 }), contacts: [c], playbook, roleLabels, now: NOW });
    expect(e.contacts[0]).toMatchObject({ role: 'champion', setBy: 'person' });
    expect(e.filled).toContain('champion');
  });

  it('flags single-threaded deals: one contact, or only one with recent activity', () => {
    const one = evaluateDeal({
      deal: deal(),
      contacts: [person('1', 'champion')],
      playbook,
      roleLabels,
      now: NOW,
    });
    expect(one.singleThreaded).toBe(true);
    const quiet = [
      person('1', 'champion', 1),
      person('2', 'economic_buyer', 90),
      person('3', 'end_user', null),
    ];
    expect(
      evaluateDeal({ deal: deal(), contacts: quiet, playbook, roleLabels, now: NOW }).singleThreaded,
    ).toBe(true);
    const busy = [person('1', 'champion', 1), person('2', 'economic_buyer', 5)];
    expect(
      evaluateDeal({ deal: deal(), contacts: busy, playbook, roleLabels, now: NOW }).singleThreaded,
    ).toBe(false);
  });

  it('reads required roles from the playbook deals section when given', () => {
    const data = JSON.parse(JSON.stringify(playbook)) as Record<string, unknown>;
    data.deals = { requiredRoles: [{ roles: ['legal_and_compliance'] }] };
    const custom = loadPlaybookData(data, 'test');
    expect(custom.errors).toEqual([]);
    const e = evaluateDeal({ deal: deal(), contacts: [], playbook: custom.value!, roleLabels, now: NOW });
    expect(e.required).toEqual(['legal_and_compliance']);
  });
});

describe('labels', () => {
  it('one label per role the playbook uses, with HubSpot names where they exist', () => {
    const byRole = new Map(roleLabels.map((l) => [l.role, l.label]));
    expect(byRole.get('economic_buyer')).toBe('Budget Holder');
    expect(byRole.get('decision_maker')).toBe('Decision Maker');
    expect(byRole.get('influencer')).toBe('Influencer');
    expect(byRole.get('technical_evaluator')).toBe('Technical evaluator');
    expect(byRole.has('other')).toBe(false);
    expect(new Set(roleLabels.map((l) => l.label)).size).toBe(roleLabels.length);
  });

  it('plans adds, replaces only rolecall labels, leaves people alone, and plans nothing the second time', () => {
    const ids = new Map(roleLabels.map((l, i) => [l.role, 100 + i * 2]));
    const contacts = [person('1', 'economic_buyer'), person('2', 'champion'), person('3', 'end_user')];
    const evaluation = evaluateDeal({ deal: deal(), contacts, playbook, roleLabels, now: NOW });
    const first = planDealLabels({ evaluation, current: new Map(), labelIds: ids, properties: {} });
    expect(first.add.map((a) => [a.contactId, a.role])).toEqual([
      ['1', 'economic_buyer'],
      ['2', 'champion'],
      ['3', 'end_user'],
    ]);
    expect(first.properties.map((p) => p.property).sort()).toEqual([
      'rolecall_deal_completeness',
      'rolecall_deal_engaged_roles',
      'rolecall_deal_missing_roles',
      'rolecall_single_threaded',
    ]);
    // After the writes: the current labels are rolecall's, the properties hold the values.
    const current = new Map<string, AssociationLabelRef[]>(
      first.add.map((a) => [a.contactId, [{ typeId: a.typeId, label: a.role, byRolecall: true }]]),
    );
    const properties = Object.fromEntries(first.properties.map((p) => [p.property, p.after]));
    const again = planDealLabels({ evaluation, current, labelIds: ids, properties });
    expect(again).toEqual({ dealId: 'd1', add: [], remove: [], properties: [] });
    // A stale rolecall label is swapped; a person's label on another contact is never touched.
    current.set('3', [{ typeId: ids.get('champion')!, label: 'champion', byRolecall: true }]);
    current.set('2', [
      ...(current.get('2') ?? []),
      { typeId: ids.get('gatekeeper')!, label: 'Gatekeeper', byRolecall: false },
    ]);
    const fix = planDealLabels({ evaluation, current, labelIds: ids, properties });
    expect(fix.remove.map((r) => [r.contactId, r.role])).toEqual([['3', 'champion']]);
    expect(fix.add.map((a) => [a.contactId, a.role])).toEqual([['3', 'end_user']]);
  });
});

describe('candidates', () => {
  it('ranks people at the company for each missing role, each with why', () => {
    const pool = [
      {
        id: 'a',
        title: 'Head of IT',
        relation: 'parent' as const,
        classification: reading('technical_evaluator'),
        lastActivity: null,
      },
      {
        id: 'b',
        title: 'IT Manager',
        relation: 'same' as const,
        classification: reading('technical_evaluator'),
        lastActivity: NOW - DAY,
      },
      {
        id: 'c',
        title: 'CTO',
        relation: 'same' as const,
        classification: reading('executive_sponsor', ['technical_evaluator']),
        lastActivity: null,
      },
      {
        id: 'd',
        title: 'Sales Rep',
        relation: 'same' as const,
        classification: reading('end_user'),
        lastActivity: null,
      },
    ];
    const found = candidatesFor(['technical_evaluator'], pool, 'new', playbook, NOW);
    expect(found.technical_evaluator?.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(found.technical_evaluator?.[1]?.why).toContain('parent company');
    expect(talkingPointsForRole('gatekeeper', playbook).length).toBeGreaterThan(0);
  });
});

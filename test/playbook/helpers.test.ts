import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import {
  buyingGroupCoverage,
  findPersona,
  isNegativePersona,
  roleLabel,
  talkingPointsFor,
} from '../../src/playbook/helpers.ts';
import { likelyPersonasFor } from '../../src/playbook/likely-personas.ts';

describe('card helpers', () => {
  it('finds personas and negative personas by id, and nothing for unknown', () => {
    expect(findPersona(defaultPlaybook, 'finance_leader')?.name).toBe('Finance Leader');
    expect(findPersona(defaultPlaybook, 'out_of_profile')?.name).toBe('Out of Profile');
    expect(findPersona(defaultPlaybook, 'unknown')).toBeNull();
    expect(findPersona(defaultPlaybook, null)).toBeNull();
    expect(isNegativePersona(defaultPlaybook, 'student_or_job_seeker')).toBe(true);
    expect(isNegativePersona(defaultPlaybook, 'finance_leader')).toBe(false);
  });

  it('returns the talking points of a persona in a role, and none for an unknown pair', () => {
    const finance = findPersona(defaultPlaybook, 'finance_leader');
    expect(talkingPointsFor(finance, 'economic_buyer')[0]).toMatch(/three-year cost/);
    expect(talkingPointsFor(finance, 'end_user')).toEqual([]);
    expect(talkingPointsFor(finance, 'not_a_role')).toEqual([]);
    expect(talkingPointsFor(null, 'champion')).toEqual([]);
  });

  it('falls back to role-level guidance when the persona has none (procurement has no persona)', () => {
    const finance = findPersona(defaultPlaybook, 'finance_leader');
    expect(talkingPointsFor(null, 'gatekeeper', defaultPlaybook)[0]).toMatch(/approvals/);
    expect(talkingPointsFor(finance, 'legal_and_compliance', defaultPlaybook)[0]).toMatch(
      /data-processing agreement/,
    );
    // The persona's own points win over the role's.
    expect(talkingPointsFor(finance, 'economic_buyer', defaultPlaybook)).toEqual(
      talkingPointsFor(finance, 'economic_buyer'),
    );
    expect(talkingPointsFor(finance, 'end_user', defaultPlaybook)).toEqual(
      defaultPlaybook.roles.find((r) => r.id === 'end_user')?.talkingPoints,
    );
    expect(talkingPointsFor(finance, 'other', defaultPlaybook)).toEqual([]);
  });

  it('labels roles from the playbook, then built-in, then the raw id', () => {
    expect(roleLabel(defaultPlaybook, 'legal_and_compliance')).toBe('Legal & compliance');
    expect(roleLabel(null, 'technical_evaluator')).toBe('Technical evaluator');
    expect(roleLabel(defaultPlaybook, 'mystery')).toBe('mystery');
  });
});

describe('buyingGroupCoverage', () => {
  it('counts primary and extra roles and names the missing required ones', () => {
    const coverage = buyingGroupCoverage(
      [
        { buyingRole: 'economic_buyer', extraRoles: ['decision_maker'] },
        { buyingRole: 'end_user' },
        { buyingRole: 'end_user', extraRoles: null },
        { buyingRole: 'nonsense', extraRoles: ['also_nonsense'] },
      ],
      defaultPlaybook,
    );
    expect(coverage.present).toEqual(['economic_buyer', 'decision_maker', 'end_user']);
    expect(coverage.missing).toEqual(['champion', 'technical_evaluator']);
    expect(coverage.counts).toEqual({ economic_buyer: 1, decision_maker: 1, end_user: 2 });
    expect(coverage.score).toBe(0.5);
  });

  it('uses the size-specific group when the band is given', () => {
    const cfoAndChampion = [
      { buyingRole: 'economic_buyer', extraRoles: ['decision_maker'] },
      { buyingRole: 'champion' },
    ];
    expect(buyingGroupCoverage(cfoAndChampion, defaultPlaybook, '11-50')).toMatchObject({
      missing: [],
      score: 1,
    });
    expect(buyingGroupCoverage(cfoAndChampion, defaultPlaybook, '201-1000').missing).toEqual([
      'technical_evaluator',
    ]);
    expect(buyingGroupCoverage(cfoAndChampion, defaultPlaybook, '5001+').missing).toEqual([
      'executive_sponsor',
      'technical_evaluator',
      'gatekeeper',
    ]);
    expect(buyingGroupCoverage(cfoAndChampion, defaultPlaybook, 'unknown').required).toEqual(
      defaultPlaybook.requiredRoles,
    );
  });

  it('an empty company misses every required role; a full group scores 1', () => {
    expect(buyingGroupCoverage([], defaultPlaybook)).toMatchObject({
      score: 0,
      missing: defaultPlaybook.requiredRoles,
    });
    const full = defaultPlaybook.requiredRoles.map((role) => ({ buyingRole: role }));
    expect(buyingGroupCoverage(full, defaultPlaybook)).toMatchObject({ score: 1, missing: [] });
    expect(buyingGroupCoverage([], { requiredRoles: [] }).score).toBe(1);
  });
});

describe('likelyPersonasFor', () => {
  const ids = (role: string) => likelyPersonasFor(defaultPlaybook, role).map((p) => p.id);

  it('names the personas the role rules can place in a role', () => {
    expect(ids('technical_evaluator')).toContain('it_security_reviewer');
    expect(ids('economic_buyer')).toEqual(
      expect.arrayContaining(['executive_leader', 'finance_leader', 'function_leader']),
    );
    expect(ids('end_user')).toEqual(['team_practitioner']);
    expect(ids('champion')).not.toContain('finance_leader');
  });

  it('leaves customer personas out unless the company is a customer', () => {
    expect(ids('end_user')).not.toContain('customer_admin');
    const forCustomer = likelyPersonasFor(defaultPlaybook, 'end_user', { customer: true }).map((p) => p.id);
    expect(forCustomer).toEqual(['customer_admin']);
  });

  it('has nobody for roles only people set, or for unknown ids', () => {
    expect(ids('blocker')).toEqual([]);
    expect(ids('nonsense')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/insights/analyze.ts';
import { toClosedDeal } from '../../src/insights/closed-deals.ts';
import type { PlaybookFacts } from '../../src/insights/patterns.ts';
import { type ClosedDeal, DEFAULT_INSIGHTS_OPTIONS, type DealContact } from '../../src/insights/types.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';

const NOW = '2026-12-01T00:00:00.000Z';
const options = { ...DEFAULT_INSIGHTS_OPTIONS, now: NOW };
const facts: PlaybookFacts = {
  personas: [
    { id: 'finance_leader', kind: 'persona', reviewedAt: '2026-06-01' },
    { id: 'it_security_reviewer', kind: 'persona', reviewedAt: '2025-01-01' },
  ],
  reviewIntervalDays: 180,
  sizeBands: ['small', 'mid', 'large'],
};

function contact(persona: string, roles: string[], engaged = true): DealContact {
  return {
    contactId: `${persona}-${roles.join('+')}`,
    persona,
    personaKind: persona === 'unknown' ? 'unknown' : 'persona',
    roles,
    rolesFrom: 'classification',
    title: persona,
    seniority: 'head',
    function: 'finance',
    lastEngagedAt: engaged ? '2026-01-01T00:00:00.000Z' : null,
  };
}

function deal(
  i: number,
  won: boolean,
  contacts: DealContact[],
  closeDate = '2026-01-15T00:00:00.000Z',
): ClosedDeal {
  return {
    id: String(i),
    outcome: won ? 'won' : 'lost',
    closeDate,
    amount: 20_000,
    sizeBand: 'mid',
    pipeline: 'default',
    icpFit: true,
    contacts,
  };
}

describe('analyze', () => {
  it('a portal with 8 closed deals gets "not enough data" and no numbers', () => {
    const deals = Array.from({ length: 8 }, (_, i) =>
      deal(i, i % 2 === 0, [contact('finance_leader', ['economic_buyer'])]),
    );
    const report = analyze(deals, facts, options);
    expect(report.enoughData).toBe(false);
    expect(report.deals).toEqual({ won: 4, lost: 4 });
    expect(report.message).toMatch(/^Not enough data: 8 closed deal\(s\).*at least 20/);
    expect(report.findings).toEqual([]);
    expect(report.winRate.winRate).toBeNull();
  });

  it('keeps only deals inside the period and pipeline', () => {
    const deals = [
      ...Array.from({ length: 25 }, (_, i) =>
        deal(i, i < 10, [contact('finance_leader', ['economic_buyer'])]),
      ),
      deal(100, true, [], '2024-01-01T00:00:00.000Z'),
      { ...deal(101, true, []), pipeline: 'renewals' },
    ];
    expect(analyze(deals, facts, options).deals).toEqual({ won: 11, lost: 15 });
    expect(analyze(deals, facts, { ...options, pipeline: 'default' }).deals).toEqual({ won: 10, lost: 15 });
    expect(analyze(deals, facts, { ...options, sinceDays: 2000 }).deals).toEqual({ won: 12, lost: 15 });
  });

  it('counts with and without, and says "not enough deals yet" for a small side', () => {
    // 30 deals: finance on 24 (16 won), IT on 3.
    const deals = Array.from({ length: 30 }, (_, i) =>
      deal(i, i < 16 || i === 29, [
        ...(i < 24 ? [contact('finance_leader', ['economic_buyer'])] : [contact('unknown', ['influencer'])]),
        ...(i % 10 === 0 ? [contact('it_security_reviewer', ['technical_evaluator'])] : []),
      ]),
    );
    const report = analyze(deals, facts, { ...options, minDeals: 5 });
    const finance = report.findings.find((f) => f.id === 'finance_leader' && f.basis === 'present')!;
    expect(finance).toMatchObject({
      withDeals: 24,
      withoutDeals: 6,
      withWon: 16,
      withoutWon: 1,
      enoughData: true,
    });
    expect(finance.winRateWith).toBeCloseTo(16 / 24, 4);
    expect(finance.winRateWithout).toBeCloseTo(1 / 6, 4);
    expect(finance.liftInterval![0]).toBeLessThan(16 / 24 - 1 / 6);
    expect(finance.liftInterval![1]).toBeGreaterThan(16 / 24 - 1 / 6);
    const it_ = report.findings.find((f) => f.id === 'it_security_reviewer' && f.basis === 'present')!;
    expect(it_).toMatchObject({ withDeals: 3, enoughData: false, winRateWith: null, liftInterval: null });
    expect(it_.effect).toBe('not-enough-data');
    expect(it_.winRateWithout).not.toBeNull();
  });

  it('engaged means an engagement within the window before the close', () => {
    const deals = Array.from({ length: 20 }, (_, i) =>
      deal(i, i < 10, [contact('finance_leader', ['economic_buyer'], i % 2 === 0)]),
    );
    const report = analyze(deals, facts, { ...options, minDeals: 5 });
    const engaged = report.findings.find((f) => f.id === 'finance_leader' && f.basis === 'engaged')!;
    expect(engaged.withDeals).toBe(10);
    const stale = deals.map((d) => ({
      ...d,
      contacts: d.contacts.map((c) => ({
        ...c,
        lastEngagedAt: c.lastEngagedAt ? '2025-06-01T00:00:00.000Z' : null,
      })),
    }));
    const staleReport = analyze(stale, facts, { ...options, minDeals: 5 });
    expect(
      staleReport.findings.find((f) => f.id === 'finance_leader' && f.basis === 'engaged')!.withDeals,
    ).toBe(0);
  });

  it('freshness flags a persona whose share of won deals moved since its review', () => {
    // Before 2026-06-01: finance on 3 of 20 won deals; since: on 18 of 20.
    const before = Array.from({ length: 20 }, (_, i) =>
      deal(
        i,
        true,
        i < 3 ? [contact('finance_leader', ['economic_buyer'])] : [contact('unknown', ['champion'])],
        '2026-03-01T00:00:00.000Z',
      ),
    );
    const since = Array.from({ length: 20 }, (_, i) =>
      deal(
        100 + i,
        true,
        i < 18 ? [contact('finance_leader', ['economic_buyer'])] : [contact('unknown', ['champion'])],
        '2026-09-01T00:00:00.000Z',
      ),
    );
    const report = analyze([...before, ...since], facts, options);
    const finance = report.freshness.find((f) => f.persona === 'finance_leader')!;
    expect(finance).toMatchObject({ reviewedAt: '2026-06-01', changed: true, overdue: true });
    expect(finance.before).toEqual({ won: 20, withPersona: 3, share: 0.15 });
    expect(finance.since).toEqual({ won: 20, withPersona: 18, share: 0.9 });
    expect(finance.note).toContain('moved from 15 % to 90 %');
    const it_ = report.freshness.find((f) => f.persona === 'it_security_reviewer')!;
    expect(it_.overdue).toBe(true);
    expect(it_.changed).toBe(false);
    expect(report.neverSeen).toEqual(['it_security_reviewer']);
  });
});

describe('toClosedDeal', () => {
  const raw = {
    id: '1',
    outcome: 'won' as const,
    closeDate: NOW,
    amount: 5000,
    pipeline: 'default',
    company: { employees: 300, industry: 'COMPUTER_SOFTWARE' },
    contacts: [
      { id: 'a', jobTitle: 'CFO', labels: [], lastEngagedAt: null },
      { id: 'b', jobTitle: 'CFO', labels: ['champion'], lastEngagedAt: null },
    ],
  };

  it("classifies each contact with classify(); the deal's own role labels win over the classification", () => {
    const closed = toClosedDeal(raw, defaultPlaybook);
    expect(closed.icpFit).toBe(true);
    expect(closed.contacts[0]).toMatchObject({
      persona: 'finance_leader',
      roles: ['economic_buyer'],
      rolesFrom: 'classification',
    });
    expect(closed.contacts[1]).toMatchObject({
      persona: 'finance_leader',
      roles: ['champion'],
      rolesFrom: 'label',
    });
  });

  it('a company outside the ICP and a deal with no company', () => {
    expect(toClosedDeal({ ...raw, company: { employees: 4 } }, defaultPlaybook).icpFit).toBe(false);
    expect(toClosedDeal({ ...raw, company: null }, defaultPlaybook).icpFit).toBeNull();
  });
});

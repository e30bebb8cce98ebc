import { describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../src/insights/types.ts';
import { generateDealHistory, PLANTED } from '../../src/sandbox/seed/deal-history.ts';
import { analyzeDeals, analyzeHistory, classifiedDeals, NOW, shuffled } from './history.ts';

const find = (report: InsightsReport, kind: string, id: string, basis = 'present') =>
  report.findings.find((f) => f.kind === kind && f.id === id && f.basis === basis)!;
const effects = (report: InsightsReport) =>
  [
    ...report.findings.map((f) => ({ what: `${f.kind} ${f.basis} ${f.id}`, effect: f.effect })),
    { what: 'threading', effect: report.singleVsMulti.effect },
    { what: 'icp', effect: report.icpFitLift.effect },
  ].filter((e) => e.effect === 'higher' || e.effect === 'lower');

describe('insights on a planted closed-deal history', () => {
  const history = generateDealHistory({ deals: 600, seed: 7, now: NOW });
  const report = analyzeHistory(history);

  it('counts every closed deal and gives the portal numbers', () => {
    expect(report.enoughData).toBe(true);
    expect(report.deals.won + report.deals.lost).toBe(600);
    expect(report.deals.won).toBe(history.deals.filter((d) => d.outcome === 'won').length);
    expect(report.engagementData).toBe(true);
  });

  it('finds the planted finance-leader effect, stronger when engaged, near the planted ×2', () => {
    const engaged = find(report, 'persona', 'finance_leader', 'engaged');
    expect(engaged.effect).toBe('higher');
    expect(engaged.liftInterval![0]).toBeGreaterThan(0);
    expect(find(report, 'role', 'economic_buyer', 'engaged').effect).toBe('higher');
    // Among multi-threaded in-ICP deals without a student the planted ratio is exactly 2.
    const pure = history.deals.filter(
      (d) => !d.planted.single && !d.planted.outsideIcp && !d.planted.student,
    );
    const rate = (list: typeof pure) => list.filter((d) => d.outcome === 'won').length / list.length;
    const ratio =
      rate(pure.filter((d) => d.planted.financeEngaged)) /
      rate(pure.filter((d) => !d.planted.financeEngaged));
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.7);
  });

  it('finds that single-threaded deals rarely win', () => {
    expect(report.singleVsMulti.effect).toBe('higher');
    const one = report.byThreads.find((s) => s.key === '1 role')!;
    expect(one.winRate!).toBeLessThan(PLANTED.baseWinRate * 0.6);
  });

  it('finds that companies outside the ICP win less', () => {
    expect(report.icpFitLift.effect).toBe('higher');
    expect(find(report, 'persona', 'out_of_profile').effect).toBe('lower');
  });

  it('lists the student persona as never winning and operations as a persona candidate', () => {
    expect(report.neverWon.map((n) => n.persona)).toEqual(['student_or_job_seeker']);
    expect(report.neverWon[0]!.lostDeals).toBe(history.deals.filter((d) => d.planted.student).length);
    expect(report.unmatchedFunctions.map((u) => u.function)).toContain('operations');
    expect(report.unmatchedFunctions[0]!.titles.length).toBeGreaterThan(0);
  });

  it('shows the titles behind each persona on won deals', () => {
    const finance = report.titlePatterns.find((p) => p.persona === 'finance_leader')!;
    expect(finance.functions[0]!.key).toBe('finance');
    expect(finance.titles.map((t) => t.key)).toContain('cfo');
  });

  it('deal size (nothing planted) shows overlapping intervals in every band', () => {
    const bands = report.bySize.filter((s) => s.interval);
    expect(bands.map((s) => s.key)).toEqual(['small', 'mid', 'large']);
    const lowestUpper = Math.min(...bands.map((s) => s.interval![1]));
    const highestLower = Math.max(...bands.map((s) => s.interval![0]));
    expect(highestLower).toBeLessThan(lowestUpper);
  });

  it('a shuffled-outcome control reports no effect (at most the family-wise 5 % of 20 seeds)', () => {
    let runsWithEffect = 0;
    const deals = classifiedDeals(generateDealHistory({ deals: 600, seed: 11, now: NOW }));
    expect(effects(analyzeDeals(deals)).length).toBeGreaterThan(3);
    for (let seed = 1; seed <= 20; seed++) {
      const control = analyzeDeals(shuffled(deals, seed));
      expect(control.comparisons).toBeGreaterThan(20);
      if (effects(control).length > 0) runsWithEffect++;
    }
    expect(runsWithEffect).toBeLessThanOrEqual(2);
    // The generator's own control: the very history whose effects were found above, outcomes shuffled.
    const same = analyzeHistory(
      generateDealHistory({ deals: 600, seed: 7, now: NOW, shuffleOutcomes: true }),
    );
    expect(effects(same)).toEqual([]);
    expect(same.neverWon).toEqual([]);
  });
});

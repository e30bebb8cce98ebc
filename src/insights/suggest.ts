import { stringify } from 'yaml';
import type { Playbook } from '../playbook/schema.ts';
import type { Finding, InsightsReport } from './types.ts';

/** One proposed playbook change: a JSON-pointer edit (`review` changes nothing, it asks a person to look). */
export interface Suggestion {
  op: 'add' | 'remove' | 'review';
  path: string;
  value?: unknown;
  /** The numbers behind it, one line each; written as YAML comments. */
  why: string[];
}

const pct = (value: number | null) => (value === null ? '?' : `${Math.round(value * 100)} %`);
const pts = (value: number) => `${value >= 0 ? '+' : ''}${Math.round(value * 100)}`;

/** "finance_leader engaged in 71 % of won deals vs 22 % of lost, 58 deals; win rate 62 % with vs 18 % without (…)". */
export function evidence(finding: Finding, report: InsightsReport): string {
  const deals = finding.withDeals + finding.withoutDeals;
  const verb = finding.basis === 'engaged' ? 'engaged on' : 'present in';
  const lift = finding.liftInterval
    ? `; win rate ${pct(finding.winRateWith)} with vs ${pct(finding.winRateWithout)} without (difference ${pts(finding.liftInterval[0])} to ${pts(finding.liftInterval[1])} points at ${(report.intervalLevel * 100).toFixed(2)} %)`
    : '';
  return `${finding.id} ${verb} ${pct(finding.shareOfWon)} of won deals vs ${pct(finding.shareOfLost)} of lost, ${deals} deals${lift}`;
}

/** The strongest finding for an id: engaged before present, and only a real effect. */
function best(report: InsightsReport, kind: Finding['kind'], id: string, effect: Finding['effect']) {
  const matches = report.findings.filter((f) => f.kind === kind && f.id === id && f.effect === effect);
  return matches.find((f) => f.basis === 'engaged') ?? matches[0];
}

/**
 * Playbook changes the evidence supports. Only effects whose whole interval clears zero count; paths refer
 * to the playbook as it is now. Nothing is applied here.
 */
export function suggest(report: InsightsReport, playbook: Playbook): Suggestion[] {
  if (!report.enoughData) return [];
  const out: Suggestion[] = [];
  const required = new Set<string>(playbook.requiredRoles);
  const added = new Map<string, Suggestion>();
  const addRole = (role: string, why: string[]) => {
    if (required.has(role)) return;
    const existing = added.get(role);
    if (existing) {
      existing.why.push(...why);
      return;
    }
    const suggestion: Suggestion = { op: 'add', path: '/requiredRoles/-', value: role, why };
    added.set(role, suggestion);
    out.push(suggestion);
  };

  for (const persona of playbook.personas) {
    const finding = best(report, 'persona', persona.id, 'higher');
    if (!finding) continue;
    const pattern = report.titlePatterns.find((p) => p.persona === persona.id);
    const role = pattern?.roles[0];
    if (!role) continue;
    addRole(role.key, [
      evidence(finding, report),
      `its usual role on won deals is ${role.key} (${role.count} of ${pattern.contacts} contacts): require that role`,
    ]);
  }
  const roleIds = [...new Set(report.findings.filter((f) => f.kind === 'role').map((f) => f.id))];
  for (const role of roleIds) {
    const finding = best(report, 'role', role, 'higher');
    if (finding) addRole(role, [evidence(finding, report)]);
  }
  playbook.requiredRoles.forEach((role, index) => {
    const finding = best(report, 'role', role, 'lower');
    if (finding) {
      out.push({
        op: 'remove',
        path: `/requiredRoles/${index}`,
        value: role,
        why: [evidence(finding, report), `deals with ${role} won less often: check before requiring it`],
      });
    }
  });
  playbook.personas.forEach((persona, index) => {
    const never = report.neverWon.find((n) => n.persona === persona.id);
    if (never && never.lostDeals >= report.minDeals) {
      out.push({
        op: 'review',
        path: `/personas/${index}`,
        value: persona.id,
        why: [
          `${persona.id} was on ${never.lostDeals} lost deals and on none of the ${report.deals.won} won deals`,
          'review its match rules, or retire it to the negative personas',
        ],
      });
    }
    const fresh = report.freshness.find((f) => f.persona === persona.id && f.changed);
    if (fresh) out.push({ op: 'review', path: `/personas/${index}`, value: persona.id, why: [fresh.note] });
  });
  for (const candidate of report.unmatchedFunctions) {
    out.push({
      op: 'add',
      path: '/personas/-',
      value: {
        id: `${candidate.function}_buyer`,
        name: `${candidate.function.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())} buyer`,
        summary: `People in ${candidate.function.replace(/_/g, ' ')} who keep appearing on won deals; describe who they are and why they buy.`,
        match: { functions: [candidate.function], priority: 5 },
        reviewedAt: report.period.to.slice(0, 10),
      },
      why: [
        `${candidate.function} contacts match no persona yet were on ${candidate.wonDeals} won deals (${pct(candidate.shareOfWon)} of won) and ${candidate.lostDeals} lost`,
        `common titles: ${candidate.titles.join(', ')}`,
        'a new persona needs goals, pains, talking points, objections, questions, channels and formats before "rolecall playbook check" accepts it',
      ],
    });
  }
  return out;
}

/** The suggestions as a commented YAML document a person reads, edits and applies. */
export function suggestionsYaml(
  suggestions: readonly Suggestion[],
  report: InsightsReport,
  meta: { from: string; playbook: string },
): string {
  const head = [
    '# rolecall playbook suggestions: nothing here has been applied.',
    `# From ${meta.from}: ${report.deals.won} won and ${report.deals.lost} lost deals closed ${report.period.from.slice(0, 10)} to ${report.period.to.slice(0, 10)}${report.period.pipeline ? ` in pipeline ${report.period.pipeline}` : ''}.`,
    `# Playbook: ${meta.playbook}. Paths are JSON pointers into it as it is now (remove the highest index first).`,
    '# Review each change: delete what you disagree with, edit the rest, apply it to your playbook file,',
    '# then run "rolecall playbook check <file>".',
  ];
  if (!report.enoughData) head.push(`# ${report.message}`);
  else if (suggestions.length === 0)
    head.push('# The evidence supports no change: no effect cleared its interval.');
  const body = suggestions.map((s) => {
    const { why, ...change } = s;
    const item = stringify([change], { lineWidth: 0 }).trimEnd();
    return [...why.map((line) => `  # ${line}`), item.replace(/\n/g, '\n  ').replace(/^/, '  ')].join('\n');
  });
  return `${head.join('\n')}\nchanges:${body.length === 0 ? ' []' : `\n${body.join('\n')}`}\n`;
}

/** Applies the add/remove changes to a playbook's data (a plain object); `review` items change nothing. */
export function applySuggestions(
  data: Record<string, unknown>,
  suggestions: readonly Suggestion[],
): Record<string, unknown> {
  const copy = structuredClone(data);
  const parts = (path: string) => path.split('/').slice(1);
  const removals = suggestions
    .filter((s) => s.op === 'remove')
    .sort((a, b) => Number(parts(b.path).at(-1)) - Number(parts(a.path).at(-1)));
  for (const s of [...removals, ...suggestions.filter((x) => x.op === 'add')]) {
    const keys = parts(s.path);
    const last = keys.pop()!;
    let target: unknown = copy;
    for (const key of keys) target = (target as Record<string, unknown>)[key];
    if (!Array.isArray(target)) throw new Error(`${s.path}: not a list in this playbook`);
    if (s.op === 'remove') target.splice(Number(last), 1);
    else if (last === '-') target.push(structuredClone(s.value));
    else target.splice(Number(last), 0, structuredClone(s.value));
  }
  return copy;
}

import { BUYING_ROLES, SENIORITIES, SIZE_BANDS } from '../taxonomy.ts';
import { coveringMatches, coversAny, overlapsAny } from './analysis.ts';
import { missingTalkingPoints, staleness } from './check-content.ts';
import { allPersonas } from './check-references.ts';
import { technicalSweep, templateWarnings } from './check-templates.ts';
import { compileMatch, compilePersona } from './compile-match.ts';
import { issue, type PathKey, type PlaybookIssue } from './issues.ts';
import type { Match, Playbook } from './schema.ts';

export interface CheckResult {
  errors: PlaybookIssue[];
  warnings: PlaybookIssue[];
}

/** Conditions that contradict each other inside one match. */
function matchConflicts(match: Match, path: PathKey[], source: string): PlaybookIssue[] {
  const found: PlaybookIssue[] = [];
  if (match.seniority && (match.seniorityMin || match.seniorityMax)) {
    found.push(
      issue(
        source,
        [...path, 'seniority'],
        'use either a seniority list or seniorityMin/seniorityMax, not both',
      ),
    );
  }
  if (match.sizeBands && (match.sizeMin || match.sizeMax)) {
    found.push(
      issue(source, [...path, 'sizeBands'], 'use either a sizeBands list or sizeMin/sizeMax, not both'),
    );
  }
  if (match.seniorityMin && match.seniorityMax) {
    if (SENIORITIES.indexOf(match.seniorityMin) < SENIORITIES.indexOf(match.seniorityMax)) {
      found.push(
        issue(
          source,
          [...path, 'seniorityMin'],
          `"${match.seniorityMin}" ranks above seniorityMax "${match.seniorityMax}", so nothing matches; swap them`,
        ),
      );
    }
  }
  if (
    match.sizeMin &&
    match.sizeMax &&
    SIZE_BANDS.indexOf(match.sizeMin) > SIZE_BANDS.indexOf(match.sizeMax)
  ) {
    found.push(
      issue(
        source,
        [...path, 'sizeMin'],
        `"${match.sizeMin}" is larger than sizeMax "${match.sizeMax}", so nothing matches; swap them`,
      ),
    );
  }
  return found;
}

/** Rules and personas that can never be chosen, or that tie. */
export function checkRules(playbook: Playbook, source: string, today: string): CheckResult {
  const errors: PlaybookIssue[] = [];
  const warnings: PlaybookIssue[] = [];
  const rules = playbook.roleRules.map((rule, i) => ({
    rule,
    path: ['roleRules', i] as PathKey[],
    compiled: compileMatch(rule.match, playbook),
  }));
  for (const [j, later] of rules.entries()) {
    errors.push(...matchConflicts(later.rule.match, [...later.path, 'match'], source));
    const earlier = rules.slice(0, j);
    const hiders = coveringMatches(
      earlier.map((e) => e.compiled),
      later.compiled,
    );
    if (hiders) {
      const names = earlier.filter((e) => hiders.includes(e.compiled)).map((e) => `"${e.rule.id}"`);
      const who =
        names.length === 1
          ? `the earlier rule ${names[0]} matches`
          : `the earlier rules ${names.join(', ')} together match`;
      errors.push(
        issue(
          source,
          later.path,
          `rule "${later.rule.id}" can never match: ${who} everything it does; move "${later.rule.id}" above ${names.length === 1 ? 'it' : 'them'} or narrow ${names.length === 1 ? 'that rule' : 'those rules'}`,
        ),
      );
    }
    if (later.rule.assign.extraRoles.includes(later.rule.assign.role)) {
      warnings.push(
        issue(
          source,
          [...later.path, 'assign', 'extraRoles'],
          `"${later.rule.assign.role}" is already the primary role; remove it from extraRoles`,
        ),
      );
    }
  }

  const personas = allPersonas(playbook).map((entry) => ({
    ...entry,
    compiled: compilePersona(entry.persona, playbook),
  }));
  for (const [j, b] of personas.entries()) {
    errors.push(...matchConflicts(b.persona.match, [...b.path, 'match'], source));
    b.persona.alsoMatch.forEach((alt, k) => {
      errors.push(...matchConflicts(alt, [...b.path, 'alsoMatch', k], source));
    });
    for (const a of personas.slice(0, j)) {
      const pa = a.persona.match.priority;
      const pb = b.persona.match.priority;
      const label = (p: typeof a) => `"${p.persona.id}" (priority ${p.persona.match.priority})`;
      // Ties go to the persona listed first, so an earlier equal-priority persona can hide a later one.
      const aHidesB = pa >= pb && coversAny(a.compiled, b.compiled);
      if (aHidesB || (pb > pa && coversAny(b.compiled, a.compiled))) {
        const [winner, loser] = aHidesB ? [a, b] : [b, a];
        errors.push(
          issue(
            source,
            [...loser.path, 'match'],
            `persona ${label(loser)} can never be chosen: ${label(winner)} matches everyone it does; raise its priority or narrow the other`,
          ),
        );
      } else if (pa === pb && overlapsAny(a.compiled, b.compiled)) {
        warnings.push(
          issue(
            source,
            [...b.path, 'match', 'priority'],
            `personas "${a.persona.id}" and "${b.persona.id}" can match the same contact with equal priority ${pa}; the first listed wins, so give one a higher priority or narrow a match`,
          ),
        );
      }
    }
  }
  warnings.push(...missingTalkingPoints(playbook, source, rules, personas));
  warnings.push(...staleness(playbook, source, today));
  warnings.push(...technicalSweep(playbook, source));
  warnings.push(...templateWarnings(playbook, source));
  const undefinedRoles = BUYING_ROLES.filter((role) => !playbook.roles.some((r) => r.id === role));
  if (undefinedRoles.length > 0) {
    warnings.push(
      issue(
        source,
        ['roles'],
        `no definition for ${undefinedRoles.join(', ')}; a person can still set ${undefinedRoles.length === 1 ? 'it' : 'them'}, so add ${undefinedRoles.length === 1 ? 'a label and hubspotValue' : 'labels and hubspotValues'}`,
      ),
    );
  }
  // Buyer and customer personas are separate sets (a renewal owner is not a new-logo buyer): count each.
  const customers = playbook.personas.filter((p) => p.match.customer === true).length;
  const buyers = playbook.personas.length - customers;
  for (const [count, what] of [
    [buyers, 'active personas'],
    [customers, 'customer personas'],
  ] as const) {
    if (count > 5) {
      warnings.push(
        issue(
          source,
          ['personas'],
          `${count} ${what}; two to five is the useful range, so fold the least distinct ones into their neighbours`,
        ),
      );
    }
  }
  return { errors, warnings };
}

import { coveringMatches, intersect, overlaps } from './analysis.ts';
import { allPersonas } from './check-references.ts';
import type { CompiledMatch } from './compile-match.ts';
import { issue, type PlaybookIssue } from './issues.ts';
import type { Playbook } from './schema.ts';

/** Content checks: talking points for every role a persona can get, and review dates. Warnings only. */

export type RuleEntry = { rule: Playbook['roleRules'][number]; compiled: CompiledMatch };

/** Roles a persona's contacts can actually get: rules sharing inputs with it that earlier rules don't take. */
export function reachableRoles(
  rules: readonly RuleEntry[],
  alternatives: readonly CompiledMatch[],
): Set<string> {
  const roles = new Set<string>();
  rules.forEach(({ rule, compiled }, i) => {
    const reached = alternatives.some((alt) => {
      if (!overlaps(compiled, alt)) return false;
      const shared = intersect(compiled, alt);
      return (
        coveringMatches(
          rules.slice(0, i).map((earlier) => earlier.compiled),
          shared,
        ) === null
      );
    });
    if (reached) for (const role of [rule.assign.role, ...rule.assign.extraRoles]) roles.add(role);
  });
  return roles;
}

export function missingTalkingPoints(
  playbook: Playbook,
  source: string,
  rules: readonly RuleEntry[],
  personas: readonly (ReturnType<typeof allPersonas>[number] & { compiled: CompiledMatch[] })[],
): PlaybookIssue[] {
  const found: PlaybookIssue[] = [];
  for (const { persona, kind, path, compiled } of personas) {
    if (kind !== 'persona') continue;
    // The fallback role means "not in the buying group": nothing to say in that role.
    const roles = [...reachableRoles(rules, compiled)].filter((role) => role !== playbook.roleFallback.role);
    // Role-level guidance covers a role the persona has nothing of its own for.
    const roleHasGuidance = (role: string) =>
      (playbook.roles.find((r) => r.id === role)?.talkingPoints.length ?? 0) > 0;
    const missing = roles.filter(
      (role) => !persona.talkingPoints[role as keyof typeof persona.talkingPoints] && !roleHasGuidance(role),
    );
    if (missing.length > 0) {
      found.push(
        issue(
          source,
          [...path, 'talkingPoints'],
          `"${persona.id}" can be assigned ${missing.join(', ')} by the role rules but has no talking points for ${missing.length === 1 ? 'it' : 'them'}, and neither ${missing.length === 1 ? 'does the role' : 'do the roles'}; add them to the persona or to roles[].talkingPoints`,
        ),
      );
    }
  }
  return found;
}

const DAY_MS = 86_400_000;

export function staleness(playbook: Playbook, source: string, today: string): PlaybookIssue[] {
  const now = Date.parse(today);
  return allPersonas(playbook).flatMap(({ persona, path }) => {
    const age = Math.floor((now - Date.parse(persona.reviewedAt)) / DAY_MS);
    if (age > playbook.reviewIntervalDays) {
      return [
        issue(
          source,
          [...path, 'reviewedAt'],
          `"${persona.id}" was last reviewed ${age} days ago (interval ${playbook.reviewIntervalDays}); ${persona.owner ? `ask ${persona.owner} to review` : 'give it an owner, review'} it with sales and update reviewedAt`,
        ),
      ];
    }
    if (age < 0)
      return [
        issue(
          source,
          [...path, 'reviewedAt'],
          `${persona.reviewedAt} is in the future; use the date of the last real review`,
        ),
      ];
    return [];
  });
}

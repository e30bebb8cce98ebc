import type { BuyingRole } from '../taxonomy.ts';
import { reachableRoles } from './check-content.ts';
import { compileMatch, compilePersona } from './compile-match.ts';
import type { Persona, Playbook } from './schema.ts';

const cache = new WeakMap<Playbook, Map<string, Persona[]>>();

/** For each role, the personas whose contacts the role rules can place in it (static analysis, once per playbook). */
function byRole(playbook: Playbook): Map<string, Persona[]> {
  const cached = cache.get(playbook);
  if (cached) return cached;
  const rules = playbook.roleRules.map((rule) => ({ rule, compiled: compileMatch(rule.match, playbook) }));
  const map = new Map<string, Persona[]>();
  for (const persona of playbook.personas) {
    for (const role of reachableRoles(rules, compilePersona(persona, playbook))) {
      map.set(role, [...(map.get(role) ?? []), persona]);
    }
  }
  cache.set(playbook, map);
  return map;
}

/**
 * The personas likely to fill a role, for the card's "bring in" hint when the role is missing at a company
 * (e.g. technical_evaluator → IT & Security Reviewer). Persona order follows the file.
 */
export function likelyPersonasFor(
  playbook: Playbook,
  role: BuyingRole | string,
  options: { customer?: boolean } = {},
): Persona[] {
  // Customer personas (match.customer: true) apply only at customers; buyer personas elsewhere, and at
  // customers when no customer persona fills the role.
  const all = byRole(playbook).get(role) ?? [];
  const buyers = all.filter((p) => p.match.customer !== true);
  if (!options.customer) return buyers;
  const customers = all.filter((p) => p.match.customer === true);
  return customers.length > 0 ? customers : all.filter((p) => p.match.customer !== false);
}

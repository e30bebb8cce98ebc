import type { Playbook } from '../playbook/schema.ts';
import type { BuyingRole } from '../taxonomy.ts';
import { type RoleReading, rolesOnDeal } from './evaluate.ts';
import type { DealKind } from './schema.ts';

/** A contact in the CRM at the deal's company (or its parent or child company) who is not on the deal. */
export interface PoolContact {
  id: string;
  name?: string;
  title?: string | null;
  companyName?: string | null;
  relation: 'same' | 'parent' | 'child';
  classification: RoleReading;
  lastActivity: number | null;
}

export interface Candidate {
  id: string;
  name?: string;
  title?: string | null;
  score: number;
  why: string;
}

const RELATION_WORDS = {
  same: 'at the deal company',
  parent: 'at the parent company',
  child: 'at a subsidiary',
};

/**
 * For each missing role, up to `limit` people to bring in, best first: whose title reads as the role
 * (then who can also act as it), at the deal's own company before parent and child companies, recently
 * active before silent, surer readings first. Each with why.
 */
export function candidatesFor(
  missing: readonly BuyingRole[],
  pool: readonly PoolContact[],
  kind: DealKind,
  playbook: Playbook,
  now: number,
  limit = 3,
): Record<string, Candidate[]> {
  const out: Record<string, Candidate[]> = {};
  const roleLabel = (role: BuyingRole) => playbook.roles.find((r) => r.id === role)?.label ?? role;
  for (const role of missing) {
    const scored: Candidate[] = [];
    for (const p of pool) {
      const roles = rolesOnDeal(p.classification, kind, playbook);
      const rank = roles.indexOf(role);
      if (rank < 0) continue;
      const recent = p.lastActivity !== null && now - p.lastActivity < 90 * 86_400_000;
      const sure = p.classification.roleConfidence ?? p.classification.confidence ?? 0.5;
      const score =
        (rank === 0 ? 3 : 2) +
        (p.relation === 'same' ? 0.5 : 0) +
        (recent ? 0.3 : 0) +
        Math.min(1, sure) * 0.2;
      const title = p.title ? `"${p.title}"` : 'their classification';
      const parts = [
        `${title} ${rank === 0 ? 'reads as' : 'can also act as'} ${roleLabel(role).toLowerCase()}`,
        RELATION_WORDS[p.relation] + (p.companyName && p.relation !== 'same' ? ` (${p.companyName})` : ''),
        recent ? 'active in the last 90 days' : '',
      ];
      scored.push({
        id: p.id,
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.title !== undefined ? { title: p.title } : {}),
        score: Math.round(score * 100) / 100,
        why: parts.filter(Boolean).join('; '),
      });
    }
    out[role] = scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
  return out;
}

/** What to say when bringing someone into a missing role: the playbook's points for that role. */
export function talkingPointsForRole(role: BuyingRole, playbook: Playbook, persona?: string): string[] {
  const fromPersona = playbook.personas.find((p) => p.id === persona)?.talkingPoints[role] ?? [];
  const fromRole = playbook.roles.find((r) => r.id === role)?.talkingPoints ?? [];
  return [...new Set([...fromPersona, ...fromRole])].slice(0, 3);
}

import { issue, type PathKey, type PlaybookIssue, pathText } from './issues.ts';
import type { Playbook } from './schema.ts';
import { didYouMean } from './text.ts';

/** Cross-checks on ids: unique where they must be, and every reference points at something defined. */
export function checkReferences(playbook: Playbook, source: string): PlaybookIssue[] {
  const errors: PlaybookIssue[] = [];
  const duplicates = (
    ids: readonly (string | undefined)[],
    path: (index: number) => PathKey[],
    what: string,
  ) => {
    const seen = new Map<string, number>();
    ids.forEach((id, index) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, index);
      else
        errors.push(
          issue(
            source,
            path(index),
            `duplicate ${what} "${id}" (first used at ${pathText(path(first))}); rename one`,
          ),
        );
    });
  };
  duplicates(
    playbook.roles.map((r) => r.id),
    (i) => ['roles', i, 'id'],
    'role',
  );
  duplicates(
    playbook.roleRules.map((r) => r.id),
    (i) => ['roleRules', i, 'id'],
    'rule id',
  );
  const all = allPersonas(playbook);
  duplicates(
    all.map((p) => p.persona.id),
    (i) => [...(all[i]?.path ?? []), 'id'],
    'persona id',
  );
  duplicates(
    all.map((p) => p.persona.hubspotPersona),
    (i) => [...(all[i]?.path ?? []), 'hubspotPersona'],
    'hubspotPersona',
  );

  const roleIds = playbook.roles.map((role) => role.id);
  const needRole = (role: string, path: PathKey[]) => {
    if (roleIds.includes(role as (typeof roleIds)[number])) return;
    const guess = didYouMean(role, roleIds);
    const hint = guess && guess !== role ? `did you mean "${guess}", or ` : '';
    errors.push(issue(source, path, `role "${role}" is not defined in roles; ${hint}add it to roles`));
  };
  playbook.roleRules.forEach((rule, i) => {
    needRole(rule.assign.role, ['roleRules', i, 'assign', 'role']);
    rule.assign.extraRoles.forEach((role, j) => {
      needRole(role, ['roleRules', i, 'assign', 'extraRoles', j]);
    });
  });
  needRole(playbook.roleFallback.role, ['roleFallback', 'role']);
  playbook.requiredRoles.forEach((role, i) => {
    needRole(role, ['requiredRoles', i]);
  });
  playbook.requiredRolesBySize.forEach((entry, i) => {
    entry.roles.forEach((role, j) => {
      needRole(role, ['requiredRolesBySize', i, 'roles', j]);
    });
  });

  const personaIds = playbook.personas.map((p) => p.id);
  for (const { persona, path } of all) {
    for (const role of Object.keys(persona.talkingPoints)) needRole(role, [...path, 'talkingPoints', role]);
  }
  playbook.personas.forEach((persona, i) => {
    persona.bringIn.forEach((entry, j) => {
      needRole(entry.role, ['personas', i, 'bringIn', j, 'role']);
      entry.personas.forEach((id, k) => {
        if (personaIds.includes(id)) return;
        const guess = didYouMean(id, personaIds);
        const hint = guess ? `did you mean "${guess}"? ` : '';
        errors.push(
          issue(
            source,
            ['personas', i, 'bringIn', j, 'personas', k],
            `persona "${id}" is not defined; ${hint}define it under personas or correct the id`,
          ),
        );
      });
    });
  });
  return errors;
}

/** Personas and negative personas with their paths in the file. */
export function allPersonas(playbook: Playbook) {
  return [
    ...playbook.personas.map((persona, i) => ({
      persona,
      kind: 'persona' as const,
      path: ['personas', i] as PathKey[],
    })),
    ...playbook.negativePersonas.map((persona, i) => ({
      persona,
      kind: 'negative' as const,
      path: ['negativePersonas', i] as PathKey[],
    })),
  ];
}

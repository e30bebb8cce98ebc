import { allPersonas } from './check-references.ts';
import { productFunctions } from './compile-match.ts';
import { isTemplate } from './guidance.ts';
import { issue, type PathKey, type PlaybookIssue } from './issues.ts';
import type { Playbook } from './schema.ts';

/** Warnings for content that is not yet the team's own, and for rules wider than the product says. */

/** One warning per template item (pain-point quote, objection) still in place, and one for `example: true`. */
export function templateWarnings(playbook: Playbook, source: string): PlaybookIssue[] {
  const found: PlaybookIssue[] = [];
  if (playbook.example) {
    found.push(
      issue(
        source,
        ['example'],
        'this playbook is marked as an example, so the card and settings tell reps to replace it; remove "example: true" once the content is your own',
      ),
    );
  }
  const objectionIssues = (objections: readonly { template?: boolean }[], path: PathKey[]) =>
    objections.forEach((objection, i) => {
      if (isTemplate(objection))
        found.push(
          issue(
            source,
            [...path, i],
            'template objection still in place (reps do not see it); write the answer and proof your team really uses, then remove "template: true"',
          ),
        );
    });
  playbook.roles.forEach((role, i) => {
    objectionIssues(role.objections, ['roles', i, 'objections']);
  });
  for (const { persona, kind, path } of allPersonas(playbook)) {
    if (kind !== 'persona' || !('painPoints' in persona)) continue;
    persona.painPoints.forEach((pain, i) => {
      if (isTemplate(pain))
        found.push(
          issue(
            source,
            [...path, 'painPoints', i],
            `template quote still in place for "${persona.id}" (reps do not see it); replace it with a buyer's words from your own calls, set source and date, and remove "template: true"`,
          ),
        );
    });
    objectionIssues(persona.objections, [...path, 'objections']);
  }
  return found;
}

/**
 * A rule that makes people technical evaluators must stay inside the functions the product names as
 * technical: a mechanical engineer is not the IT reviewer of a CRM add-on. Rules narrowed by title
 * keywords (e.g. "CRM admin") are deliberate and left alone.
 */
export function technicalSweep(playbook: Playbook, source: string): PlaybookIssue[] {
  const technical = new Set<string>(productFunctions(playbook, 'technical'));
  const found: PlaybookIssue[] = [];
  playbook.roleRules.forEach((rule, i) => {
    const roles = [rule.assign.role, ...rule.assign.extraRoles];
    if (!roles.includes('technical_evaluator') || rule.match.titleKeywords) return;
    const path: PathKey[] = ['roleRules', i, 'match'];
    if (!rule.match.functions && !rule.match.productFunctions) {
      found.push(
        issue(
          source,
          path,
          `rule "${rule.id}" makes people of any function technical evaluators; limit it with productFunctions: [technical] (${[...technical].join(', ')})`,
        ),
      );
      return;
    }
    const extra = (rule.match.functions ?? []).filter((fn) => fn !== 'unknown' && !technical.has(fn));
    if (extra.length > 0) {
      found.push(
        issue(
          source,
          [...path, 'functions'],
          `rule "${rule.id}" makes ${extra.join(', ')} technical evaluators, but product.technicalFunctions names only ${[...technical].join(', ')}; add ${extra.length === 1 ? 'it' : 'them'} there if the product really needs their review, or use productFunctions: [technical]`,
        ),
      );
    }
  });
  return found;
}

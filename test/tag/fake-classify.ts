import type { Classification, CompanyFacts, ContactFacts } from '../../src/classify/types.ts';
import type { Playbook } from '../../src/playbook/schema.ts';

export function fakeClassify(
  contact: ContactFacts,
  company: CompanyFacts | null,
  playbook: Playbook,
): Classification {
  const t = (contact.jobTitle ?? '').toLowerCase();
  const seniority = /vp|vice/.test(t)
    ? 'vp'
    : /director/.test(t)
      ? 'director'
      : /manager/.test(t)
        ? 'manager'
        : /ceo|chief|founder/.test(t)
          ? 'c_level'
          : 'unknown';
  const fn = /sales/.test(t)
    ? 'sales'
    : /market/.test(t)
      ? 'marketing'
      : /engineer|develop/.test(t)
        ? 'engineering'
        : 'unknown';
  const abstained = seniority === 'unknown' && fn === 'unknown';
  const role = abstained
    ? 'other'
    : seniority === 'vp' || seniority === 'c_level'
      ? 'decision_maker'
      : 'end_user';
  const persona = playbook.personas[(company?.employees ?? 0) % playbook.personas.length]!.id;
  return {
    title: t,
    seniority,
    function: fn,
    secondaryFunctions: [],
    confidence: abstained ? 0.1 : 0.8,
    rules: [],
    reasons: ['fake'],
    abstained,
    sizeBand: 'unknown',
    buyingRole: role,
    hubspotBuyingRole:
      role === 'decision_maker' ? 'DECISION_MAKER' : role === 'end_user' ? 'END_USER' : 'OTHER',
    persona: abstained ? 'unknown' : persona,
    personaKind: abstained ? 'unknown' : 'persona',
    personaConfidence: 0.7,
    hubspotPersona: null,
    roleRules: [],
    roleReasons: [],
    personaRules: [],
    personaReasons: [],
    fit: true,
    fitReasons: [],
    playbookVersion: playbook.version,
  } as Classification;
}

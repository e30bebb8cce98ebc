import type {
  BuyingRole,
  Classification,
  CompanyFacts,
  HubSpotBuyingRole,
  TitleResult,
} from '../taxonomy.ts';
import { allPersonas } from './check-references.ts';
import {
  type CompiledMatch,
  compileMatch,
  compilePersona,
  type MatchFacts,
  matches,
} from './compile-match.ts';
import type { AnyPersona, Playbook, RoleRule } from './schema.ts';
import { industryId, words } from './text.ts';

/** What the playbook adds to a title reading; classify() merges it onto the TitleResult. */
export type PlaybookReading = Omit<Classification, keyof TitleResult>;

interface Compiled {
  rules: { rule: RoleRule; match: CompiledMatch }[];
  personas: { persona: AnyPersona; kind: 'persona' | 'negative'; alternatives: CompiledMatch[] }[];
}

const compiledCache = new WeakMap<Playbook, Compiled>();

/** Compiles each playbook once; personas are ordered by priority, ties by their order in the file. */
function compiled(playbook: Playbook): Compiled {
  const cached = compiledCache.get(playbook);
  if (cached) return cached;
  const fresh: Compiled = {
    rules: playbook.roleRules.map((rule) => ({ rule, match: compileMatch(rule.match, playbook) })),
    personas: allPersonas(playbook)
      .map(({ persona, kind }) => ({ persona, kind, alternatives: compilePersona(persona, playbook) }))
      .sort((a, b) => b.persona.match.priority - a.persona.match.priority),
  };
  compiledCache.set(playbook, fresh);
  return fresh;
}

/** In the ideal customer profile unless a known fact puts the company outside it. */
export function icpFit(
  playbook: Playbook,
  band: TitleResult['sizeBand'],
  industry: string | null,
): { fit: boolean; fitReasons: string[] } {
  const { icp } = playbook.product;
  const reasons: string[] = [];
  let fit = true;
  if (band === 'unknown') reasons.push('company size unknown: size not checked against the ICP');
  else if (icp.sizeBands.includes(band)) reasons.push(`size band ${band} is in the ICP`);
  else {
    fit = false;
    reasons.push(`size band ${band} is outside the ICP (${icp.sizeBands.join(', ')})`);
  }
  if (industry === null) reasons.push('industry unknown: industry not checked against the ICP');
  else if (icp.industriesOut.includes(industry)) {
    fit = false;
    reasons.push(`industry ${industry} is excluded by the ICP`);
  } else if (icp.industriesIn.length > 0 && !icp.industriesIn.includes(industry)) {
    fit = false;
    reasons.push(`industry ${industry} is not one of the ICP industries`);
  } else reasons.push(`industry ${industry} is allowed by the ICP`);
  return { fit, fitReasons: reasons };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Seniority and function rest on the title reader, so its confidence caps a rule using them; keywords read the raw title. */
const usesReading = (match: CompiledMatch) => match.seniorities !== null || match.functions !== null;

function hubspotValue(playbook: Playbook, role: BuyingRole): HubSpotBuyingRole {
  return playbook.roles.find((definition) => definition.id === role)?.hubspotValue ?? 'OTHER';
}

/** True when a HubSpot lifecycle stage (value or label) is one of the playbook's customer stages. */
export function isCustomerStage(
  playbook: Pick<Playbook, 'customerStages'>,
  stage: string | null | undefined,
) {
  if (typeof stage !== 'string' || stage.trim() === '') return false;
  const id = stage.trim().toLowerCase();
  return playbook.customerStages.some((candidate) => candidate.toLowerCase() === id);
}

/** Role, persona and fit for one title reading. Pure and total: no I/O, no clock, no throw. */
export function readWithPlaybook(
  title: TitleResult,
  company: CompanyFacts | null | undefined,
  playbook: Playbook,
  lifecycleStage?: string | null,
): PlaybookReading {
  const { rules, personas } = compiled(playbook);
  const industry = industryId(company?.industry);
  const { fit, fitReasons } = icpFit(playbook, title.sizeBand, industry);
  const facts: MatchFacts = {
    seniority: title.seniority,
    function: title.function,
    band: title.sizeBand,
    industry,
    titleWords: words(title.title ?? ''),
    icpFit: fit,
    customer: isCustomerStage(playbook, lifecycleStage),
  };
  const inputs = `from seniority ${title.seniority}, function ${title.function}, size band ${title.sizeBand}${industry ? `, industry ${industry}` : ''}${facts.customer ? ', a customer' : ''}`;

  const hitEntry = rules.find((candidate) => matches(candidate.match, facts));
  const hit = hitEntry?.rule;
  const assign = hit ? hit.assign : { role: playbook.roleFallback.role, extraRoles: [] as BuyingRole[] };
  const extraRoles = assign.extraRoles.filter((role) => role !== assign.role);
  const ruleConfidence = hit ? hit.confidence : playbook.roleFallback.confidence;
  const roleConfidence = round(
    hitEntry && !usesReading(hitEntry.match) ? ruleConfidence : Math.min(ruleConfidence, title.confidence),
  );

  let chosenAlt: CompiledMatch | undefined;
  const chosen = personas.find((candidate) => {
    chosenAlt = candidate.alternatives.find((alt) => matches(alt, facts));
    return chosenAlt !== undefined;
  });
  const persona = chosen?.persona;
  // A persona chosen from company facts alone (e.g. outside the ICP) does not inherit a weak title reading.
  const personaConfidence = persona
    ? round(
        chosenAlt && usesReading(chosenAlt)
          ? Math.min(persona.confidence, title.confidence)
          : persona.confidence,
      )
    : 0;
  return {
    buyingRole: assign.role,
    extraRoles,
    roleConfidence,
    hubspotBuyingRole: hubspotValue(playbook, assign.role),
    hubspotBuyingRoles: [
      ...new Set([assign.role, ...extraRoles].map((role) => hubspotValue(playbook, role))),
    ],
    roleRules: hit ? [hit.id] : [],
    roleReasons: [hit ? hit.note : playbook.roleFallback.note, inputs],
    persona: persona?.id ?? 'unknown',
    personaKind: chosen?.kind ?? 'unknown',
    personaConfidence,
    hubspotPersona: persona?.hubspotPersona ?? null,
    personaRules: persona ? [persona.id] : [],
    personaReasons: persona
      ? [`${persona.name}: ${persona.summary}`, inputs]
      : [`no persona matches, ${inputs}`],
    fit,
    fitReasons,
    playbookVersion: playbook.version,
  };
}

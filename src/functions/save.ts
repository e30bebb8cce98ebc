import { z } from 'zod';
import type { Gateway } from '../hubspot/gateway.ts';
import {
  COMPANY_INPUT_PROPERTIES,
  NATIVE_PROPERTIES,
  ROLECALL_PROPERTIES,
  SOURCE_MANUAL,
} from '../hubspot/properties.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import type { CrmRecord } from '../hubspot/records.ts';
import { findPersona, roleLabel } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import { PLAN_HISTORY_PROPERTIES, PLAN_READ_PROPERTIES, planContact } from '../tag/plan.ts';
import { toSnapshot } from '../tag/snapshot.ts';
import type { Classification, CompanyFacts } from '../taxonomy.ts';
import { type FunctionResult, fail, hubspotFailure } from './result.ts';
import { SaveParameters } from './save-parameters.ts';

export type SaveGateway = Pick<
  Gateway,
  'readContacts' | 'readCompanies' | 'readPrimaryCompanyIds' | 'updateContacts'
>;

export interface SaveDeps {
  gateway: SaveGateway;
  playbook: Playbook;
  classify: (
    contact: ReturnType<typeof contactFacts>,
    company: CompanyFacts,
    playbook: Playbook,
  ) => Classification;
  now: () => Date;
}

export type SaveResult = FunctionResult<{ written: string[]; protectedProperties: string[] }>;

const labelOf = (playbook: Playbook, persona: string, role: string) =>
  `${findPersona(playbook, persona)?.name ?? persona} as ${roleLabel(playbook, role).toLowerCase()}`;

/**
 * Saves a classification for one contact. A suggestion is re-classified from fresh CRM data and planned,
 * so it never overwrites a value a person set; an override is the rep's own choice and is saved as `manual`.
 */
export async function saveClassification(rawParameters: unknown, deps: SaveDeps): Promise<SaveResult> {
  const parsed = SaveParameters.safeParse(rawParameters);
  if (!parsed.success) {
    return fail(
      `The save request is malformed (${z.prettifyError(parsed.error).replaceAll('\n', ' ')}); reload the card and try again.`,
    );
  }
  const p = parsed.data;
  const read = await deps.gateway.readContacts([p.contactId], {
    properties: PLAN_READ_PROPERTIES,
    propertiesWithHistory: PLAN_HISTORY_PROPERTIES,
  });
  if (!read.ok) return hubspotFailure(read.error);
  const record = read.value[0];
  if (!record)
    return fail(
      `Contact ${p.contactId} was not found; it may have been deleted or merged. Reload the record.`,
    );
  return p.mode === 'override' ? override(record, p, deps) : suggestion(record, p, deps);
}

/** Writes one contact; null when HubSpot confirmed it, else the failure to return. */
async function write(deps: SaveDeps, id: string, properties: Record<string, string>) {
  const result = await deps.gateway.updateContacts([{ id, properties }]);
  if (!result.ok) return hubspotFailure(result.error);
  const failed = result.value.failed.find((f) => f.id === id);
  return failed ? fail(failed.message) : null;
}

async function override(record: CrmRecord, p: SaveParameters, deps: SaveDeps): Promise<SaveResult> {
  const { playbook } = deps;
  const persona = findPersona(playbook, p.persona);
  if (!persona) {
    const known = [...playbook.personas, ...playbook.negativePersonas].map((x) => x.id).join(', ');
    return fail(`Persona "${p.persona}" is not in playbook ${playbook.version}; choose one of: ${known}.`);
  }
  const role = playbook.roles.find((r) => r.id === p.buyingRole);
  const now = deps.now();
  const by = p.setBy ? p.setBy : 'a person';
  const properties: Record<string, string> = {
    [ROLECALL_PROPERTIES.persona]: persona.id,
    [ROLECALL_PROPERTIES.buyingRole]: p.buyingRole,
    [ROLECALL_PROPERTIES.source]: SOURCE_MANUAL,
    [ROLECALL_PROPERTIES.reasons]: `Set by ${by} in the persona card on ${now.toISOString().slice(0, 10)}.`,
    [ROLECALL_PROPERTIES.classifiedAt]: now.toISOString(),
    [ROLECALL_PROPERTIES.playbookVersion]: playbook.version,
    [NATIVE_PROPERTIES.buyingRole]: role?.hubspotValue ?? 'OTHER',
  };
  const mapped = new Set([...playbook.personas, ...playbook.negativePersonas].map((x) => x.hubspotPersona));
  const currentHs = record.properties[NATIVE_PROPERTIES.persona] ?? '';
  if (persona.hubspotPersona) properties[NATIVE_PROPERTIES.persona] = persona.hubspotPersona;
  // A HubSpot persona that stood for one of ours would now contradict the rep's choice: clear it.
  else if (currentHs && mapped.has(currentHs)) properties[NATIVE_PROPERTIES.persona] = '';
  const failed = await write(deps, record.id, properties);
  if (failed) return failed;
  return {
    ok: true,
    message: `Saved ${labelOf(playbook, persona.id, p.buyingRole)}, marked as set by a person: rolecall will not change it.`,
    written: Object.keys(properties),
    protectedProperties: [],
  };
}

async function suggestion(record: CrmRecord, p: SaveParameters, deps: SaveDeps): Promise<SaveResult> {
  const { playbook } = deps;
  const companies = await deps.gateway.readPrimaryCompanyIds([record.id]);
  if (!companies.ok) return hubspotFailure(companies.error);
  const companyId = companies.value.get(record.id);
  let company: CompanyFacts = {};
  if (companyId) {
    const read = await deps.gateway.readCompanies([companyId], COMPANY_INPUT_PROPERTIES);
    if (!read.ok) return hubspotFailure(read.error);
    if (read.value[0]) company = companyFacts(read.value[0].properties);
  }
  const next = deps.classify(contactFacts(record.properties), company, playbook);
  if (next.persona !== p.persona || next.buyingRole !== p.buyingRole) {
    return fail(
      `This contact changed since the card loaded: rolecall now reads ${labelOf(playbook, next.persona, next.buyingRole)}. Press Re-classify, check the suggestion, then save again.`,
    );
  }
  const plan = planContact(toSnapshot(record), next, {
    classifiedAt: deps.now().toISOString(),
    playbook,
    company,
  });
  if (plan.skipped === 'manual') {
    return fail(
      'A person set this contact\'s persona and role by hand, and rolecall never overwrites that. Use "Correct the persona or role" to change it.',
    );
  }
  const kept = plan.protectedProperties;
  const keptNote =
    kept.length > 0 ? ` Kept ${kept.join(', ')}: a person set ${kept.length > 1 ? 'them' : 'it'}.` : '';
  if (plan.changes.length === 0) {
    return {
      ok: true,
      message: `Already saved; nothing changed.${keptNote}`,
      written: [],
      protectedProperties: kept,
    };
  }
  const properties = Object.fromEntries(plan.changes.map((c) => [c.property, c.after]));
  const failed = await write(deps, record.id, properties);
  if (failed) return failed;
  return {
    ok: true,
    message: `Saved ${labelOf(playbook, next.persona, next.buyingRole)}.${keptNote}`,
    written: Object.keys(properties),
    protectedProperties: kept,
  };
}

import { z } from 'zod';
import { classify } from '../classify/classify.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import { COMPANY_INPUT_PROPERTIES, ROLECALL_PROPERTIES } from '../hubspot/properties.ts';
import { companyFacts, contactFacts } from '../hubspot/record-input.ts';
import { type BuyingGroupCoverage, buyingGroupCoverage } from '../playbook/helpers.ts';
import { type FunctionResult, fail, hubspotFailure } from './result.ts';
import type { FunctionEnv } from './run.ts';

/** Contacts read per company; beyond this the answer says it is partial. */
export const MAX_MEMBERS = 1000;

const GroupParameters = z.strictObject({
  companyId: z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'a numeric record id')])
    .transform(String),
});

export type GroupResult = FunctionResult<{
  members: number;
  /** True when the company has more than MAX_MEMBERS contacts and only the first were read. */
  partial: boolean;
  coverage: BuyingGroupCoverage;
}>;

type GroupGateway = Pick<Gateway, 'readCompanies' | 'readContacts' | 'readContactIdsOfCompany'>;

/**
 * App function `buying_group`: the coverage of a company's whole buying group, for companies with more
 * contacts than the card reads itself. Saved roles count as saved; the rest are classified with the playbook.
 */
export async function buyingGroup(
  rawParameters: unknown,
  env: Pick<FunctionEnv, 'playbook'> & { gateway: GroupGateway },
): Promise<GroupResult> {
  const parsed = GroupParameters.safeParse(rawParameters);
  if (!parsed.success)
    return fail(
      `The request is malformed (${z.prettifyError(parsed.error).replaceAll('\n', ' ')}); reload the card.`,
    );
  const { companyId } = parsed.data;
  const company = await env.gateway.readCompanies([companyId], COMPANY_INPUT_PROPERTIES);
  if (!company.ok) return hubspotFailure(company.error);
  if (!company.value[0])
    return fail(`Company ${companyId} was not found; it may have been deleted or merged. Reload the record.`);
  const members = await env.gateway.readContactIdsOfCompany(companyId, MAX_MEMBERS);
  if (!members.ok) return hubspotFailure(members.error);
  const found = members.value;
  const contacts = await env.gateway.readContacts(found.ids, {
    properties: ['jobtitle', 'hs_seniority', ROLECALL_PROPERTIES.buyingRole],
  });
  if (!contacts.ok) return hubspotFailure(contacts.error);
  const facts = companyFacts(company.value[0].properties);
  const roles = contacts.value.map((record) => ({
    buyingRole:
      record.properties[ROLECALL_PROPERTIES.buyingRole] ||
      classify(contactFacts(record.properties), facts, env.playbook).buyingRole,
  }));
  const coverage = buyingGroupCoverage(roles, env.playbook);
  return {
    ok: true,
    message: `${roles.length} contacts read${found.partial ? ` (the first ${MAX_MEMBERS})` : ''}.`,
    members: roles.length,
    partial: found.partial,
    coverage,
  };
}

import { z } from 'zod';
import {
  companyDealLines,
  contactDealLines,
  type DealCardModel,
  dealCardModel,
  type OpenDealLine,
} from '../card/deal-model.ts';
import { classify } from '../classify/classify.ts';
import type { DealEvaluation } from '../deals/evaluate.ts';
import type { Gateway } from '../hubspot/gateway.ts';
import type { Playbook } from '../playbook/schema.ts';
import {
  DEAL_READ_PROPERTIES,
  type DealContext,
  dealFactsOf,
  loadDealContext,
  type ScannedDeal,
  scanDeals,
} from '../tag/deals/deal-scan.ts';
import { type FunctionResult, fail, hubspotFailure } from './result.ts';

/** What the deal handlers need; `owned` (the audit log's labels) is known to the backend and CLI, not to app functions. */
export interface DealEnv {
  gateway: Gateway;
  playbook: Playbook;
  now: () => Date;
  /** Labels rolecall owns on these deals, as `deal:contact:typeId`. */
  owned?: (dealIds: readonly string[]) => Set<string> | Promise<Set<string>>;
}

/** Deals of a contact or company read for its card; beyond this many open deals the answer says `more`. */
export const MAX_OPEN_DEALS = 10;
/** Associated deals read (open and closed) before picking the open ones. */
const MAX_ASSOCIATED_DEALS = 100;

export const RecordId = z
  .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'a numeric record id')])
  .transform(String);

export const malformed = (error: z.ZodError) =>
  fail(`The request is malformed (${z.prettifyError(error).replaceAll('\n', ' ')}); reload the card.`);

export type DealCardResult = FunctionResult<{ card: DealCardModel }>;
export type OpenDealsResult = FunctionResult<{ deals: OpenDealLine[]; more: boolean }>;

async function scan(
  env: DealEnv,
  context: DealContext,
  dealIds: readonly string[],
  withCandidates: boolean,
): Promise<{ ok: true; value: ScannedDeal[] } | ReturnType<typeof hubspotFailure>> {
  const out: ScannedDeal[] = [];
  const owned = env.owned ? await env.owned(dealIds) : undefined;
  for await (const step of scanDeals({
    gateway: env.gateway,
    playbook: env.playbook,
    classify,
    context,
    now: env.now().getTime(),
    dealIds,
    withCandidates,
    ...(owned ? { owned: () => owned } : {}),
  })) {
    if (!step.ok) return hubspotFailure(step.error);
    out.push(...step.value);
  }
  return { ok: true, value: out };
}

/**
 * App function `deal_buying_group` (and POST /api/cards/deal-buying-group): one deal's buying group as the
 * deal card shows it: roles per contact, required roles filled or missing, candidates, talking points.
 */
export async function dealBuyingGroup(rawParameters: unknown, env: DealEnv): Promise<DealCardResult> {
  const parsed = z.strictObject({ dealId: RecordId }).safeParse(rawParameters);
  if (!parsed.success) return malformed(parsed.error);
  const { dealId } = parsed.data;
  const context = await loadDealContext(env.gateway, env.playbook);
  if (!context.ok) return hubspotFailure(context.error);
  const scanned = await scan(env, context.value, [dealId], true);
  if (!scanned.ok) return scanned;
  const deal = scanned.value[0];
  if (!deal)
    return fail(`Deal ${dealId} was not found; it may have been deleted or merged. Reload the record.`);
  const card = dealCardModel({
    evaluation: deal.evaluation,
    ...(deal.candidates ? { candidates: deal.candidates } : {}),
    playbook: env.playbook,
    labelledRoles: [...context.value.labelIds.keys()],
    ownershipKnown: env.owned !== undefined,
    now: env.now().getTime(),
  });
  return { ok: true, message: `${deal.evaluation.contacts.length} contacts on this deal.`, card };
}

const OpenDealsParameters = z.union([
  z.strictObject({ contactId: RecordId }),
  z.strictObject({ companyId: RecordId }),
]);

/**
 * App function `open_deals` (and POST /api/cards/open-deals): a contact's role on each of its open deals,
 * or each open deal's coverage for a company; the newest `MAX_OPEN_DEALS` open deals.
 */
export async function openDeals(rawParameters: unknown, env: DealEnv): Promise<OpenDealsResult> {
  const parsed = OpenDealsParameters.safeParse(rawParameters);
  if (!parsed.success) return malformed(parsed.error);
  const contactId = 'contactId' in parsed.data ? parsed.data.contactId : undefined;
  const from = contactId ? 'contacts' : 'companies';
  const id = 'contactId' in parsed.data ? parsed.data.contactId : parsed.data.companyId;
  const links = await env.gateway.readAssociations(from, 'deals', [id]);
  if (!links.ok) return hubspotFailure(links.error);
  const dealIds = (links.value.get(id) ?? []).map((a) => a.toId).slice(0, MAX_ASSOCIATED_DEALS);
  if (dealIds.length === 0) return { ok: true, message: 'No deals.', deals: [], more: false };
  const context = await loadDealContext(env.gateway, env.playbook);
  if (!context.ok) return hubspotFailure(context.error);
  const read = await env.gateway.readDeals(dealIds, DEAL_READ_PROPERTIES);
  if (!read.ok) return hubspotFailure(read.error);
  const open = read.value
    .filter((record) => !dealFactsOf(record, context.value.pipelines).closed)
    .sort((a, b) => Number(b.id) - Number(a.id));
  const scanned = await scan(
    env,
    context.value,
    open.slice(0, MAX_OPEN_DEALS).map((r) => r.id),
    false,
  );
  if (!scanned.ok) return scanned;
  const evaluations: DealEvaluation[] = scanned.value.map((s) => s.evaluation);
  const known = env.owned !== undefined;
  const deals = contactId
    ? contactDealLines(evaluations, contactId, env.playbook, known)
    : companyDealLines(evaluations, env.playbook);
  return {
    ok: true,
    message: `${deals.length} open deal${deals.length === 1 ? '' : 's'}.`,
    deals,
    more: open.length > MAX_OPEN_DEALS,
  };
}

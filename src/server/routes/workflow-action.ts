import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { NATIVE_PROPERTIES, ROLECALL_PROPERTIES, SOURCE_MANUAL } from '../../hubspot/properties.ts';
import type { Classification } from '../../taxonomy.ts';
import { type ContactOutcome, tagContacts, type WriteMode } from '../tagger.ts';
import { parseJson, verifyOrReject } from '../verify-request.ts';
import type { ClassifyRouteOptions } from './route-options.ts';
import { PRIVATE_PORTAL } from './webhooks.ts';

/** The v4 custom workflow action request (hubspot-platform.md §3); unknown fields are kept, not rejected. */
export const ActionRequest = z.looseObject({
  callbackId: z.string().optional(),
  inputFields: z.record(z.string(), z.unknown()).optional(),
  origin: z
    .looseObject({ portalId: z.union([z.number().int().nonnegative(), z.string().regex(/^\d{1,18}$/)]) })
    .optional(),
  object: z.looseObject({
    objectId: z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,18}$/)]),
    objectType: z.string().optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  }),
});

const MODES: readonly WriteMode[] = ['overwrite', 'fill_empty', 'none'];

/** The input field `write_mode`; anything unexpected falls back to the cautious `fill_empty`. */
export function writeModeOf(inputFields: Record<string, unknown> | undefined): WriteMode {
  const value = inputFields?.write_mode;
  return MODES.includes(value as WriteMode) ? (value as WriteMode) : 'fill_empty';
}

/**
 * What later workflow steps branch on: what the contact holds after this step. A person's value always wins;
 * `fill_empty` keeps rolecall's earlier values; `none` reports the fresh reading without saving it.
 */
export function outputFields(outcome: Extract<ContactOutcome, { current: unknown }>, mode: WriteMode) {
  const c: Classification = outcome.classification;
  const manual = outcome.current[ROLECALL_PROPERTIES.source] === SOURCE_MANUAL;
  const kept = (property: string, computed: string): string => {
    const current = outcome.current[property];
    if (!current) return computed;
    const personOwns = manual || outcome.plan.protectedProperties.includes(property);
    return personOwns || mode === 'fill_empty' ? current : computed;
  };
  const role = kept(NATIVE_PROPERTIES.buyingRole, c.hubspotBuyingRole).split(';')[0] ?? c.hubspotBuyingRole;
  return {
    persona: kept(ROLECALL_PROPERTIES.persona, c.persona),
    buying_role: role,
    // HubSpot's buying role merges some of rolecall's (technical_evaluator → INFLUENCER): branch on this one.
    rolecall_role: kept(ROLECALL_PROPERTIES.buyingRole, c.buyingRole),
    seniority: kept(ROLECALL_PROPERTIES.seniority, c.seniority),
    function: kept(ROLECALL_PROPERTIES.function, c.function),
    confidence: Math.round(Number(kept(ROLECALL_PROPERTIES.confidence, String(c.confidence))) * 100) / 100,
    fit: c.fit ? 'true' : 'false',
    hs_execution_state: 'SUCCESS',
  };
}

export type WorkflowActionRouteOptions = ClassifyRouteOptions;

/** `POST /hubspot/workflow-actions/classify`: the custom workflow action; v2 or v3 signed. */
export function registerWorkflowActionRoute(app: FastifyInstance, options: WorkflowActionRouteOptions): void {
  app.post('/hubspot/workflow-actions/classify', async (request, reply) => {
    if (!verifyOrReject(request, reply, options.verify, ['v3', 'v2'])) return reply;
    const json = parseJson(request.body);
    const parsed = json.ok ? ActionRequest.safeParse(json.value) : null;
    if (!parsed?.success) {
      return reply.code(400).send({
        status: 'error',
        message: 'Expected a HubSpot workflow action request with object.objectId (automation v4 format).',
      });
    }
    // A replay (the same signed request again, or HubSpot's retry of an execution already answered) gets
    // the first answer, without classifying or writing again.
    const keys = replayKeys(request.headers, parsed.data);
    const earlier = await options.store.requests.find(keys);
    if (earlier) {
      options.counters.workflowReplays += 1;
      request.log.info('answered a replayed workflow action request from its first answer');
      return reply
        .code(earlier.status)
        .header('x-rolecall-replay', 'true')
        .type('application/json')
        .send(earlier.body);
    }
    const answer = await classifyForAction(request, parsed.data, options);
    if (answer.status === 200) {
      await options.store.requests.remember(keys, { status: 200, body: JSON.stringify(answer.body) });
    }
    if (answer.retryAfter) reply.header('Retry-After', answer.retryAfter);
    return reply.code(answer.status).send(answer.body);
  });
}

/**
 * What identifies a request already answered: its signature (v3 signs a timestamp, so only a true replay
 * repeats it; v2 signs no timestamp, so an identical v2 request always repeats it) and HubSpot's callback
 * id of the execution (a retry after a lost response has a new signature but the same callback id).
 */
export function replayKeys(
  headers: Record<string, string | string[] | undefined>,
  data: z.infer<typeof ActionRequest>,
): string[] {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const signature = first(headers['x-hubspot-signature-v3']) ?? first(headers['x-hubspot-signature']);
  const portal = String(data.origin?.portalId ?? PRIVATE_PORTAL);
  return [
    ...(signature ? [`sig:${signature}`] : []),
    ...(data.callbackId ? [`callback:${portal}:${data.callbackId}`] : []),
  ];
}

interface ActionAnswer {
  status: number;
  body: unknown;
  retryAfter?: string;
}

async function classifyForAction(
  request: FastifyRequest,
  data: z.infer<typeof ActionRequest>,
  options: WorkflowActionRouteOptions,
): Promise<ActionAnswer> {
  const failContinue = { status: 200, body: { outputFields: { hs_execution_state: 'FAIL_CONTINUE' } } };
  options.counters.workflowActions += 1;
  const id = String(data.object.objectId);
  const mode = writeModeOf(data.inputFields);
  // The portal comes from the signed body; its own connection is the only one this request can use.
  const portalId = Number(data.origin?.portalId ?? PRIVATE_PORTAL);
  const port = await options.ports.portFor(portalId);
  if (!port) {
    request.log.warn({ portalId }, 'workflow action for a portal that is not connected');
    return failContinue;
  }
  const startedAt = options.now().getTime();
  const [outcome] = await tagContacts([id], {
    port,
    classify: await options.classifyFor(portalId),
    mode,
    now: options.now,
  });
  if (outcome?.status === 'written') {
    await options.store.audit.record({
      portalId,
      source: 'workflow_action',
      startedAt,
      contacts: 1,
      failed: 0,
      changes: outcome.plan.changes.map((c) => ({
        contactId: id,
        property: c.property,
        before: c.before ?? null,
        after: c.after,
      })),
    });
  }
  if (!outcome || outcome.status === 'not_found') {
    return failContinue;
  }
  if (outcome.status === 'failed') {
    request.log.warn(
      { contactId: id, error: outcome.error.message },
      'workflow action could not reach HubSpot',
    );
    if (!outcome.error.retryable) return failContinue;
    // HubSpot retries a workflow action that answers 5xx or 429, so a passing outage costs nothing.
    const seconds = Math.max(1, Math.ceil((outcome.error.retryAfterMs ?? 10_000) / 1000));
    return {
      status: 503,
      retryAfter: String(seconds),
      body: { status: 'error', message: outcome.error.message },
    };
  }
  return { status: 200, body: { outputFields: outputFields(outcome, mode) } };
}

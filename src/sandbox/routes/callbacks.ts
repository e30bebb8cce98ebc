import type { RouteContext, RouteRequest } from '../context.ts';
import { validationError } from '../errors.ts';
import { batchInputs, isError, type RouteResult, reply } from '../http.ts';

/** A workflow action completed through the callbacks API (hubspot-platform.md §3; 204 per HubSpot's docs). */
export interface WorkflowCallback {
  callbackId: string;
  outputFields: Record<string, unknown>;
  at: number;
}

function record(ctx: RouteContext, callbackId: string, body: unknown): RouteResult | undefined {
  const outputFields = (body as { outputFields?: unknown } | undefined)?.outputFields;
  if (!callbackId) return validationError('callbackId is required.');
  if (outputFields === null || typeof outputFields !== 'object' || Array.isArray(outputFields)) {
    return validationError('outputFields must be an object, e.g. {"hs_execution_state": "SUCCESS"}.');
  }
  ctx.store.workflowCallbacks.push({
    callbackId,
    outputFields: outputFields as Record<string, unknown>,
    at: ctx.now(),
  });
  return undefined;
}

/** POST /automation/v4/actions/callbacks/{callbackId}/complete → 204 */
export function completeCallback(ctx: RouteContext, req: RouteRequest): RouteResult {
  return record(ctx, req.params.callbackId ?? '', req.body) ?? reply(204);
}

/** POST /automation/v4/actions/callbacks/complete with {inputs: [{callbackId, outputFields}]} → 204 */
export function completeCallbacks(ctx: RouteContext, req: RouteRequest): RouteResult {
  const inputs = batchInputs(req.body, 100);
  if (isError(inputs)) return inputs;
  for (const input of inputs) {
    const failed = record(ctx, String(input.callbackId ?? ''), input);
    if (failed) return failed;
  }
  return reply(204);
}

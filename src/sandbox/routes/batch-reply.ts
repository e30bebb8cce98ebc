import { OBJECT_LABEL, type RouteContext } from '../context.ts';
import { reply } from '../http.ts';
import type { ObjectType } from '../property-types.ts';

/** `{status: COMPLETE, results, startedAt, completedAt}` plus `numErrors`/`errors` → 207 when any failed. */
export function batchReply(
  ctx: RouteContext,
  startedAt: number,
  results: unknown[],
  errors: unknown[],
  okStatus: number,
) {
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) {
    body.numErrors = errors.length;
    body.errors = errors;
  }
  body.startedAt = new Date(startedAt).toISOString();
  body.completedAt = new Date(ctx.now()).toISOString();
  return reply(errors.length > 0 ? 207 : okStatus, body);
}

export function notFoundError(type: ObjectType, ids: string[]) {
  return {
    status: 'error',
    category: 'OBJECT_NOT_FOUND',
    message: `Could not get some ${OBJECT_LABEL[type]} objects, they may be deleted or not exist. Check that ids are valid.`,
    context: { ids },
  };
}

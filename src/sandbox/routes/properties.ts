import type { RouteContext, RouteRequest } from '../context.ts';
import { resourceNotFound } from '../errors.ts';
import { batchInputs, boolParam, isError, objectType, type RouteResult, reply } from '../http.ts';
import type { ObjectType, PropertyDefinition } from '../property-types.ts';

/** /crm/v3/properties/{type}[/{name}|/groups[/{group}]|/batch/{read|create|archive}] (hubspot-api.md §5). */
function typeOf(req: RouteRequest): ObjectType | undefined {
  return objectType(req.params.type ?? '');
}

const unknownType = (req: RouteRequest) =>
  resourceNotFound(`Unable to infer object type from: ${req.params.type}`);
const bodyObject = (body: unknown): Record<string, unknown> =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

export function listProperties(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const archived = boolParam(req.query, 'archived');
  const results = [...ctx.store.registry.defs(type).values()].filter((d) => d.archived === archived);
  return reply(200, { results });
}

export function getProperty(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const def = ctx.store.registry.get(type, req.params.name ?? '');
  if (isError(def)) return def;
  if (def.archived && !boolParam(req.query, 'archived')) {
    return resourceNotFound(`Unable to find property ${def.name} for object type ${type}.`);
  }
  return reply(200, def);
}

export function createProperty(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const def = ctx.store.registry.create(type, bodyObject(req.body), ctx.now());
  return isError(def) ? def : reply(201, def);
}

export function updateProperty(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const def = ctx.store.registry.update(type, req.params.name ?? '', bodyObject(req.body), ctx.now());
  return isError(def) ? def : reply(200, def);
}

export function archiveProperty(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const done = ctx.store.registry.archive(type, req.params.name ?? '', ctx.now());
  return isError(done) ? done : reply(204);
}

export function batchProperties(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const inputs = batchInputs(req.body, 100);
  if (isError(inputs)) return inputs;
  const startedAt = new Date(ctx.now()).toISOString();
  const results: PropertyDefinition[] = [];
  const errors: unknown[] = [];
  for (const input of inputs) {
    const outcome =
      req.params.op === 'read'
        ? ctx.store.registry.get(type, String(input.name ?? ''))
        : req.params.op === 'create'
          ? ctx.store.registry.create(type, input, ctx.now())
          : req.params.op === 'archive'
            ? ctx.store.registry.archive(type, String(input.name ?? ''), ctx.now())
            : resourceNotFound(`Unknown batch operation ${req.params.op}.`);
    if (isError(outcome)) {
      const { correlationId: _c, ...rest } = outcome.body;
      errors.push({ ...rest, context: { name: [String(input.name ?? '')] } });
    } else if (outcome !== true) {
      results.push(outcome);
    }
  }
  if (req.params.op === 'archive') return reply(204);
  const body: Record<string, unknown> = { status: 'COMPLETE', results };
  if (errors.length > 0) Object.assign(body, { numErrors: errors.length, errors });
  Object.assign(body, { startedAt, completedAt: new Date(ctx.now()).toISOString() });
  return reply(errors.length > 0 ? 207 : req.params.op === 'create' ? 201 : 200, body);
}

export function listGroups(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  return reply(200, { results: [...ctx.store.registry.groupMap(type).values()].filter((g) => !g.archived) });
}

export function getGroup(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const group = ctx.store.registry.getGroup(type, req.params.group ?? '');
  return isError(group) ? group : reply(200, group);
}

export function createGroup(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const group = ctx.store.registry.createGroup(type, bodyObject(req.body));
  return isError(group) ? group : reply(201, group);
}

export function updateGroup(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const group = ctx.store.registry.getGroup(type, req.params.group ?? '');
  if (isError(group)) return group;
  const body = bodyObject(req.body);
  if (typeof body.label === 'string') group.label = body.label;
  if (typeof body.displayOrder === 'number') group.displayOrder = body.displayOrder;
  return reply(200, group);
}

export function archiveGroup(ctx: RouteContext, req: RouteRequest): RouteResult {
  const type = typeOf(req);
  if (!type) return unknownType(req);
  const group = ctx.store.registry.getGroup(type, req.params.group ?? '');
  if (isError(group)) return group;
  group.archived = true;
  return reply(204);
}

import type { RouteContext, RouteRequest } from '../context.ts';
import { resourceNotFound } from '../errors.ts';
import { type RouteResult, reply } from '../http.ts';

/** `GET /crm/v3/pipelines/deals[/{pipelineId}[/stages]]`: the portal's deal pipelines (read-only here). */

const BUILT = '2019-08-06T02:43:14.491Z';

function pipelineJson(p: RouteContext['store']['pipelines'][number]) {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    stages: p.stages.map(stageJson),
    createdAt: BUILT,
    updatedAt: BUILT,
    archived: false,
  };
}

function stageJson(s: RouteContext['store']['pipelines'][number]['stages'][number]) {
  return {
    id: s.id,
    label: s.label,
    displayOrder: s.displayOrder,
    metadata: { ...s.metadata },
    createdAt: BUILT,
    updatedAt: BUILT,
    archived: false,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
  };
}

function dealsOnly(req: RouteRequest) {
  const type = (req.params.type ?? '').toLowerCase();
  return type === 'deals' || type === '0-3';
}

export function listPipelines(ctx: RouteContext, req: RouteRequest): RouteResult {
  if (!dealsOnly(req)) return reply(200, { results: [] });
  return reply(200, { results: ctx.store.pipelines.map(pipelineJson) });
}

export function getPipeline(ctx: RouteContext, req: RouteRequest): RouteResult {
  const p = dealsOnly(req) ? ctx.store.pipelines.find((x) => x.id === req.params.pipelineId) : undefined;
  if (!p) return resourceNotFound(`Unable to find pipeline ${req.params.pipelineId}.`);
  return reply(200, pipelineJson(p));
}

export function listStages(ctx: RouteContext, req: RouteRequest): RouteResult {
  const p = dealsOnly(req) ? ctx.store.pipelines.find((x) => x.id === req.params.pipelineId) : undefined;
  if (!p) return resourceNotFound(`Unable to find pipeline ${req.params.pipelineId}.`);
  return reply(200, { results: p.stages.map(stageJson) });
}

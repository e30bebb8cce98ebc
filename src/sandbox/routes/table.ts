import type { RouteContext, RouteRequest } from '../context.ts';
import type { RouteResult } from '../http.ts';
import type { Access } from '../scopes.ts';
import { accountDetails } from './account.ts';
import {
  batchArchiveAssociations,
  batchArchiveLabels,
  batchAssociateDefault,
  batchCreateAssociations,
} from './association-batch.ts';
import {
  batchReadAssociations,
  deleteAssociation,
  listAssociations,
  putAssociation,
} from './associations.ts';
import { batchObjects } from './batch.ts';
import { completeCallback, completeCallbacks } from './callbacks.ts';
import { createLabel, deleteLabel, labelLimits, listLabels, updateLabel } from './labels.ts';
import { archiveObject, createObject, getObject, listObjects, updateObject } from './objects.ts';
import { getPipeline, listPipelines, listStages } from './pipelines.ts';
import {
  archiveGroup,
  archiveProperty,
  batchProperties,
  createGroup,
  createProperty,
  getGroup,
  getProperty,
  listGroups,
  listProperties,
  updateGroup,
  updateProperty,
} from './properties.ts';
import { searchObjects } from './search.ts';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  /** Undefined: any valid token may call it. */
  access?: Access;
  search?: boolean;
  handler: (ctx: RouteContext, req: RouteRequest) => RouteResult;
}

const withOp = (req: RouteRequest, op: string): RouteRequest => ({ ...req, params: { ...req.params, op } });

const O = '/crm/v3/objects/:type';
const P = '/crm/v3/properties/:type';
const A = '/crm/v4/objects/:type/:id/associations';
const V4 = '/crm/v4/associations/:from/:to';

/** Every v3/v4 route the sandbox serves (hubspot-api.md §10), as data. */
const BASE_ROUTES: RouteSpec[] = [
  { method: 'GET', url: O, access: 'read', handler: listObjects },
  { method: 'POST', url: O, access: 'write', handler: createObject },
  { method: 'POST', url: `${O}/search`, access: 'read', search: true, handler: searchObjects },
  {
    method: 'POST',
    url: `${O}/batch/read`,
    access: 'read',
    handler: (ctx, req) => batchObjects(ctx, withOp(req, 'read')),
  },
  { method: 'POST', url: `${O}/batch/:op`, access: 'write', handler: batchObjects },
  { method: 'GET', url: `${O}/:id`, access: 'read', handler: getObject },
  { method: 'PATCH', url: `${O}/:id`, access: 'write', handler: updateObject },
  { method: 'DELETE', url: `${O}/:id`, access: 'write', handler: archiveObject },
  { method: 'GET', url: P, access: 'schemaRead', handler: listProperties },
  { method: 'POST', url: P, access: 'schemaWrite', handler: createProperty },
  {
    method: 'POST',
    url: `${P}/batch/read`,
    access: 'schemaRead',
    handler: (ctx, req) => batchProperties(ctx, withOp(req, 'read')),
  },
  { method: 'POST', url: `${P}/batch/:op`, access: 'schemaWrite', handler: batchProperties },
  { method: 'GET', url: `${P}/groups`, access: 'schemaRead', handler: listGroups },
  { method: 'POST', url: `${P}/groups`, access: 'schemaWrite', handler: createGroup },
  { method: 'GET', url: `${P}/groups/:group`, access: 'schemaRead', handler: getGroup },
  { method: 'PATCH', url: `${P}/groups/:group`, access: 'schemaWrite', handler: updateGroup },
  { method: 'DELETE', url: `${P}/groups/:group`, access: 'schemaWrite', handler: archiveGroup },
  { method: 'GET', url: `${P}/:name`, access: 'schemaRead', handler: getProperty },
  { method: 'PATCH', url: `${P}/:name`, access: 'schemaWrite', handler: updateProperty },
  { method: 'DELETE', url: `${P}/:name`, access: 'schemaWrite', handler: archiveProperty },
  {
    method: 'POST',
    url: '/crm/v4/associations/:from/:to/batch/read',
    access: 'assocRead',
    handler: batchReadAssociations,
  },
  { method: 'POST', url: `${V4}/batch/create`, access: 'assocWrite', handler: batchCreateAssociations },
  {
    method: 'POST',
    url: `${V4}/batch/associate/default`,
    access: 'assocWrite',
    handler: batchAssociateDefault,
  },
  { method: 'POST', url: `${V4}/batch/labels/archive`, access: 'assocWrite', handler: batchArchiveLabels },
  { method: 'POST', url: `${V4}/batch/archive`, access: 'assocWrite', handler: batchArchiveAssociations },
  { method: 'GET', url: `${V4}/labels`, access: 'schemaRead', handler: listLabels },
  { method: 'POST', url: `${V4}/labels`, access: 'schemaWrite', handler: createLabel },
  { method: 'PUT', url: `${V4}/labels`, access: 'schemaWrite', handler: updateLabel },
  { method: 'DELETE', url: `${V4}/labels/:typeId`, access: 'schemaWrite', handler: deleteLabel },
  { method: 'GET', url: '/crm/v3/limits/associations/labels', handler: labelLimits },
  { method: 'GET', url: '/crm/v3/pipelines/:type', access: 'read', handler: listPipelines },
  { method: 'GET', url: '/crm/v3/pipelines/:type/:pipelineId', access: 'read', handler: getPipeline },
  { method: 'GET', url: '/crm/v3/pipelines/:type/:pipelineId/stages', access: 'read', handler: listStages },
  { method: 'GET', url: `${A}/:toType`, access: 'assocRead', handler: listAssociations },
  {
    method: 'PUT',
    url: `${A}/default/:toType/:toId`,
    access: 'assocWrite',
    handler: (ctx, req) => putAssociation(ctx, req, false),
  },
  {
    method: 'PUT',
    url: `${A}/:toType/:toId`,
    access: 'assocWrite',
    handler: (ctx, req) => putAssociation(ctx, req, true),
  },
  { method: 'DELETE', url: `${A}/:toType/:toId`, access: 'assocWrite', handler: deleteAssociation },
];

/** Date-based twins (`/crm/objects/2026-03/…`) served with v3/v4 semantics; the dated SDK is optional (§1). */
const DATED: [string, string][] = [
  ['/crm/v3/objects/', '/crm/objects/{v}/'],
  ['/crm/v3/properties/', '/crm/properties/{v}/'],
  ['/crm/v4/associations/', '/crm/associations/{v}/'],
  ['/crm/v3/limits/', '/crm/limits/{v}/'],
  ['/crm/v3/pipelines/', '/crm/pipelines/{v}/'],
];

export const API_VERSIONS = ['2026-03', '2026-09'] as const;

export const ROUTES: RouteSpec[] = [
  ...BASE_ROUTES,
  { method: 'GET', url: '/account-info/v3/details', handler: accountDetails },
  { method: 'POST', url: '/automation/v4/actions/callbacks/complete', handler: completeCallbacks },
  { method: 'POST', url: '/automation/v4/actions/callbacks/:callbackId/complete', handler: completeCallback },
  {
    method: 'POST',
    url: '/automation/actions/callbacks/2026-03/:callbackId/complete',
    handler: completeCallback,
  },
  ...API_VERSIONS.flatMap((version) =>
    BASE_ROUTES.flatMap((route) => {
      const match = DATED.find(([prefix]) => route.url.startsWith(prefix));
      if (!match) return []; // per-object v4 association paths have no known dated twin
      const [prefix, dated] = match;
      return [{ ...route, url: dated.replace('{v}', version) + route.url.slice(prefix.length) }];
    }),
  ),
];

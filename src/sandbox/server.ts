import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { RouteContext, RouteRequest } from './context.ts';
import {
  ApiError,
  internalError,
  invalidJson,
  locked,
  missingScopes,
  rateLimited,
  routeNotFound,
  unauthorized,
  validationError,
} from './errors.ts';
import type { FaultInjector } from './faults.ts';
import { objectType } from './http.ts';
import { expiredToken, type PortalRuntime, type SandboxOAuth } from './oauth.ts';
import { contextFor, registerSandboxRoutes, SANDBOX_PREFIX, SOURCE_HEADER, sourceOf } from './outside.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { RequestLog } from './request-log.ts';
import { bearer, jsonErrorDetail, send, sendError, sleep } from './respond.ts';
import { ROUTES, type RouteSpec } from './routes/table.ts';
import { requiredScopes } from './scopes.ts';

export interface ServerDeps {
  ctx: RouteContext;
  tokens: ReadonlyMap<string, ReadonlySet<string>>;
  limiter: RateLimiter;
  faults: FaultInjector;
  log: RequestLog;
  appId: number;
  /** Marketplace (OAuth) tokens: each belongs to one of the portals the sandbox plays. */
  oauth?: SandboxOAuth;
}

/** Builds the fastify app: faults → auth → rate limit → scopes → route; every failure is a HubSpot JSON body. */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: 32 * 1024 * 1024,
    routerOptions: { maxParamLength: 2000 },
    frameworkErrors: (error, _request, reply) => {
      sendError(reply, invalidJson(`line 1, column 1: ${error.message}`));
    },
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(invalidJson(jsonErrorDetail(text, error as Error)), undefined);
    }
  });

  registerSandboxRoutes(app, deps.log);
  app.addHook('onRequest', async (request, reply) => {
    // The sandbox's own routes: no faults, no token, not logged (reading the log must not change it).
    if (request.url.startsWith(SANDBOX_PREFIX)) return undefined;
    const entry = deps.log.add({
      method: request.method,
      path: request.url,
      status: 0,
      at: deps.ctx.now(),
      bodyBytes: Number(request.headers['content-length'] ?? 0) || 0,
    });
    request.logEntry = entry;
    // HubSpot's OAuth endpoints and the sandbox's own routes need no bearer token.
    if (request.url.startsWith('/oauth/') || request.url.startsWith('/_sandbox/')) return undefined;
    const fault = deps.faults.next(
      request.method !== 'GET' && !request.url.includes('/batch/read') && !request.url.endsWith('/search'),
    );
    if (fault.kind === 'reset') {
      reply.hijack();
      request.raw.socket.destroy();
      return reply;
    }
    if (deps.faults.settings.latencyMs > 0) await sleep(deps.faults.settings.latencyMs);
    if (fault.kind === 'burst')
      return sendError(reply, rateLimited('TEN_SECONDLY_ROLLING', 1, groupName(deps)));
    if (fault.kind === 'daily') return sendError(reply, rateLimited('DAILY', 3600, groupName(deps)));
    if (fault.kind === 'locked') return sendError(reply, locked());
    if (fault.kind === 'noContentType') {
      // Like HubSpot's edge: a body the SDK cannot parse ("No Content-Type defined").
      reply.hijack();
      entry.status = 502;
      reply.raw.writeHead(502, { 'X-HubSpot-Correlation-Id': randomUUID() });
      reply.raw.end('Bad Gateway');
      return reply;
    }
    if (fault.kind === 'error') {
      const error = internalError();
      return sendError(reply, new ApiError(fault.status, error.body));
    }
    const token = bearer(request);
    let scopes = token === undefined ? undefined : deps.tokens.get(token);
    let portal: PortalRuntime | undefined;
    if (token && !scopes && deps.oauth) {
      const grant = deps.oauth.lookup(token);
      if (grant?.expiredMs !== undefined) return sendError(reply, expiredToken(grant.expiredMs));
      if (grant) {
        scopes = grant.scopes;
        portal = grant.portal;
        request.portal = portal;
        entry.portalId = portal.portalId;
      }
    }
    if (!token || !scopes) return sendError(reply, unauthorized());
    if (!portal) entry.portalId = deps.ctx.store.portalId;
    const spec = request.routeOptions.config as Partial<RouteSpec> | undefined;
    // Counted at arrival, the instant the request log records: a request whose body took a while to read must
    // not count later than the log says it came (HubSpot counts a request when it reaches it).
    const now = request.logEntry?.at ?? deps.ctx.now();
    if (spec?.search) {
      const decision = deps.limiter.takeSearch(now);
      if (!decision.ok)
        return sendError(reply, rateLimited('SECONDLY', decision.retryAfterSeconds, groupName(deps)));
    } else {
      // Marketplace apps: 110 requests per 10 s per installing account, whichever token of it is used.
      const decision = portal
        ? portal.limiter.take(`oauth:${portal.portalId}`, now)
        : deps.limiter.take(token, now);
      request.rateHeaders = decision.headers;
      if (!decision.ok && decision.policy) {
        return sendError(reply, rateLimited(decision.policy, decision.retryAfterSeconds, groupName(deps)));
      }
    }
    if (spec?.access) {
      const params = request.params as Record<string, string>;
      const type = objectType(params.type ?? params.from ?? '');
      const toType = objectType(params.toType ?? params.to ?? '');
      if (type) {
        const needed = requiredScopes(spec.access, type, toType);
        if (!needed.some((s) => scopes.has(s))) return sendError(reply, missingScopes(needed));
      }
    }
    return undefined;
  });

  // onSend, not onResponse: the log must be right by the time the client has the answer.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.logEntry) request.logEntry.status = reply.statusCode;
    return payload;
  });

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ApiError) return sendError(reply, error);
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const tooLarge = internalError();
      tooLarge.body.message = 'Request body too large.';
      return sendError(reply, new ApiError(413, tooLarge.body));
    }
    return sendError(reply, internalError());
  });

  app.setNotFoundHandler((request, reply) => sendError(reply, routeNotFound(request.method, request.url)));

  deps.oauth?.register(app, (reply, status, body) => send(reply, status, body));

  for (const spec of ROUTES) {
    app.route({
      method: spec.method,
      url: spec.url,
      config: spec,
      handler: async (request, reply) => {
        const portalCtx = request.portal?.ctx ?? deps.ctx;
        const source = sourceOf(request.headers[SOURCE_HEADER], portalCtx.apiSource);
        if (typeof source === 'string') return sendError(reply, validationError(source));
        const ctx = contextFor(portalCtx, source, request.logEntry);
        const req: RouteRequest = {
          params: request.params as Record<string, string>,
          query: (request.query ?? {}) as Record<string, unknown>,
          body: request.body,
        };
        try {
          const result = spec.handler(ctx, req);
          if (result instanceof ApiError) return sendError(reply, result);
          return send(reply, result.status, result.body);
        } catch {
          return sendError(reply, internalError()); // a sandbox bug must not take the server down
        }
      },
    });
  }
  return app;
}

function groupName(deps: ServerDeps): string {
  return `publicapi:hapikey-api-calls-ten-secondly:${deps.appId}`;
}

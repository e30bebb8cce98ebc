import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { RouteContext } from './context.ts';
import { ApiError, correlationId } from './errors.ts';
import type { RateLimiter } from './rate-limit.ts';

/** One portal the sandbox plays: its data, its rate limiter for OAuth calls (110 / 10 s per installing account). */
export interface PortalRuntime {
  portalId: number;
  ctx: RouteContext;
  limiter: RateLimiter;
}

export interface OAuthAppSettings {
  clientId: string;
  clientSecret: string;
  /** HubSpot: 1800 s. Tests shorten it to see refreshes. */
  accessTokenTtlSeconds?: number;
  appId: number;
}

interface AccessGrant {
  portal: PortalRuntime;
  scopes: Set<string>;
  expiresAt: number;
  refreshToken: string;
  userId: number;
}

interface RefreshGrant {
  portal: PortalRuntime;
  scopes: string[];
  userId: number;
}

const AUTH_CODE_TTL_MS = 10 * 60 * 1000;
const SANDBOX_USER_ID = 2_001_001;

/** HubSpot's token endpoint errors: 400 with a `status` code word, a message and a correlation id. */
interface TokenError {
  code: number;
  body: { status: string; message: string; correlationId: string };
}
function tokenError(status: string, message: string, code = 400): TokenError {
  return { code, body: { status, message, correlationId: correlationId() } };
}

const hubDomain = (portalId: number) => `sandbox-${portalId}.hubspot.test`;

/**
 * HubSpot's OAuth as a marketplace app sees it: an authorize page that approves at once, the token endpoint
 * (authorization_code and refresh_token grants, expiring access tokens), token info, and a sandbox-only
 * uninstall that revokes a portal's tokens.
 */
export class SandboxOAuth {
  readonly #codes = new Map<
    string,
    { portal: PortalRuntime; redirectUri: string; scopes: string[]; expiresAt: number }
  >();
  readonly #access = new Map<string, AccessGrant>();
  readonly #refresh = new Map<string, RefreshGrant>();
  #nextPortal = 0;
  /** Installs per portal (an install is a code exchange). */
  readonly installs = new Map<number, number>();
  /** Told after a portal uninstalled the app (the sandbox sends that portal's app-uninstall webhook event). */
  onUninstall: ((portalId: number) => void) | undefined;

  constructor(
    readonly settings: OAuthAppSettings,
    readonly portals: readonly PortalRuntime[],
    private readonly now: () => number = Date.now,
  ) {}

  /** The portal and scopes behind a bearer token; `expired` when it is past its lifetime. */
  lookup(token: string): { portal: PortalRuntime; scopes: Set<string>; expiredMs?: number } | undefined {
    const grant = this.#access.get(token);
    if (!grant) return undefined;
    const left = grant.expiresAt - this.now();
    return left > 0
      ? { portal: grant.portal, scopes: grant.scopes }
      : { portal: grant.portal, scopes: grant.scopes, expiredMs: -left };
  }

  /** Revokes every token of a portal and sends its app-uninstall webhook event: what an uninstall does. */
  uninstall(portalId: number): number {
    this.onUninstall?.(portalId);
    let revoked = 0;
    for (const [token, grant] of this.#access)
      if (grant.portal.portalId === portalId) this.#access.delete(token);
    for (const [token, grant] of this.#refresh) {
      if (grant.portal.portalId === portalId) {
        this.#refresh.delete(token);
        revoked += 1;
      }
    }
    return revoked;
  }

  /** Makes a portal's current access tokens expire now (tests of refresh). */
  expireAccessTokens(portalId: number): void {
    for (const grant of this.#access.values())
      if (grant.portal.portalId === portalId) grant.expiresAt = this.now() - 1;
  }

  #issue(portal: PortalRuntime, scopes: string[], refreshToken: string, userId: number) {
    const ttl = this.settings.accessTokenTtlSeconds ?? 1800;
    const accessToken = `CK${randomBytes(24).toString('base64url')}`;
    this.#access.set(accessToken, {
      portal,
      scopes: new Set(scopes),
      expiresAt: this.now() + ttl * 1000,
      refreshToken,
      userId,
    });
    return {
      token_type: 'bearer',
      refresh_token: refreshToken,
      access_token: accessToken,
      expires_in: ttl,
      hub_id: portal.portalId,
      scopes,
    };
  }

  register(
    app: FastifyInstance,
    send: (reply: FastifyReply, status: number, body: unknown) => unknown,
  ): void {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    // The page a person sees after clicking "install": the sandbox chooses the next portal and approves.
    app.get('/oauth/authorize', async (request, reply) => {
      const q = request.query as Record<string, string | undefined>;
      if (q.client_id !== this.settings.clientId) {
        return reply.code(400).type('text/html; charset=utf-8').send('<h1>Unknown client_id</h1>');
      }
      if (!q.redirect_uri || !/^https?:\/\//.test(q.redirect_uri)) {
        return reply
          .code(400)
          .type('text/html; charset=utf-8')
          .send('<h1>redirect_uri is missing or not a URL</h1>');
      }
      const requested = (q.scope ?? '').split(/[ +]/).filter(Boolean);
      const optional = (q.optional_scope ?? '').split(/[ +]/).filter(Boolean);
      const chosen = q.portal_id
        ? this.portals.find((p) => String(p.portalId) === q.portal_id)
        : this.portals[this.#nextPortal++ % this.portals.length];
      if (!chosen) return reply.code(400).type('text/html; charset=utf-8').send('<h1>Unknown portal_id</h1>');
      const code = randomUUID();
      this.#codes.set(code, {
        portal: chosen,
        redirectUri: q.redirect_uri,
        scopes: [...requested, ...optional],
        expiresAt: this.now() + AUTH_CODE_TTL_MS,
      });
      const target = new URL(q.redirect_uri);
      target.searchParams.set('code', code);
      if (q.state !== undefined) target.searchParams.set('state', q.state);
      return reply.redirect(target.toString(), 302);
    });

    app.post('/oauth/v1/token', async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      const fail = (error: TokenError) => send(reply, error.code, error.body);
      if (form.client_id !== this.settings.clientId)
        return fail(tokenError('BAD_CLIENT_ID', 'missing or invalid client id'));
      if (form.client_secret !== this.settings.clientSecret) {
        return fail(tokenError('BAD_CLIENT_SECRET', 'missing or invalid client secret'));
      }
      if (form.grant_type === 'authorization_code') {
        const grant = form.code ? this.#codes.get(form.code) : undefined;
        if (form.code) this.#codes.delete(form.code); // a code works once
        if (!grant || grant.expiresAt < this.now())
          return fail(tokenError('BAD_AUTH_CODE', 'missing or unknown auth code'));
        if (grant.redirectUri !== form.redirect_uri)
          return fail(tokenError('BAD_REDIRECT_URI', 'redirect_uri does not match'));
        const refreshToken = `na1-${randomBytes(16).toString('hex')}`;
        this.#refresh.set(refreshToken, {
          portal: grant.portal,
          scopes: grant.scopes,
          userId: SANDBOX_USER_ID,
        });
        this.installs.set(grant.portal.portalId, (this.installs.get(grant.portal.portalId) ?? 0) + 1);
        return send(reply, 200, this.#issue(grant.portal, grant.scopes, refreshToken, SANDBOX_USER_ID));
      }
      if (form.grant_type === 'refresh_token') {
        const grant = form.refresh_token ? this.#refresh.get(form.refresh_token) : undefined;
        if (!grant || !form.refresh_token)
          return fail(tokenError('BAD_REFRESH_TOKEN', 'missing or invalid refresh token'));
        return send(reply, 200, this.#issue(grant.portal, grant.scopes, form.refresh_token, grant.userId));
      }
      return fail(tokenError('BAD_GRANT_TYPE', 'grant_type must be authorization_code or refresh_token'));
    });

    app.get('/oauth/v1/access-tokens/:token', async (request, reply) => {
      const token = (request.params as { token: string }).token;
      const grant = this.#access.get(token);
      if (!grant || grant.expiresAt <= this.now()) {
        return send(reply, 404, {
          status: 'error',
          message: 'Token not found or expired',
          correlationId: correlationId(),
        });
      }
      return send(reply, 200, {
        token,
        user: `sandbox-user-${grant.userId}@hubspot.test`,
        hub_domain: hubDomain(grant.portal.portalId),
        scopes: [...grant.scopes],
        hub_id: grant.portal.portalId,
        app_id: this.settings.appId,
        expires_in: Math.max(0, Math.round((grant.expiresAt - this.now()) / 1000)),
        user_id: grant.userId,
        token_type: 'access',
      });
    });

    app.post('/_sandbox/portals/:portalId/uninstall', async (request, reply) => {
      const portalId = Number((request.params as { portalId: string }).portalId);
      return send(reply, 200, { portalId, revokedRefreshTokens: this.uninstall(portalId) });
    });
  }
}

/** HubSpot's 401 for an expired OAuth token. */
export function expiredToken(expiredMs: number): ApiError {
  const days = Math.floor(expiredMs / 86_400_000);
  return new ApiError(
    401,
    {
      status: 'error',
      message: `The OAuth token used to make this call expired ${days} day(s) ago.`,
      correlationId: correlationId(),
      category: 'EXPIRED_AUTHENTICATION',
    },
    { 'X-HubSpot-Auth-Failure': '401 Unauthorized' },
  );
}

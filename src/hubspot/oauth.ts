import { HUBSPOT_BASE_URL } from './client.ts';

/** HubSpot's OAuth endpoints (authorize page, token, token info): the only place their paths are spelled. */
export const HUBSPOT_AUTHORIZE_BASE = 'https://app.hubspot.com';

export interface OAuthApp {
  clientId: string;
  clientSecret: string;
  /** Where HubSpot sends the browser back: `<ROLECALL_PUBLIC_URL>/oauth/callback`. */
  redirectUri: string;
  /** API base (token endpoints); the authorize page lives on `authorizeBase`. */
  apiBase?: string;
  authorizeBase?: string;
}

export interface TokenGrant {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  expiresAt: number;
  hubId: number | null;
  scopes: string[];
}

export interface TokenInfo {
  hubId: number;
  hubDomain: string | null;
  user: string | null;
  userId: number | null;
  scopes: string[];
  appId: number | null;
  expiresInSeconds: number;
}

export type OAuthResult<T> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** The code or refresh token is no good (HubSpot: BAD_AUTH_CODE / BAD_REFRESH_TOKEN, or `invalid_grant`). */
      invalidGrant: boolean;
      status: number;
      message: string;
    };

/** The URL that starts an install: HubSpot shows the account picker and consent, then calls the redirect. */
export function authorizeUrl(
  app: OAuthApp,
  scopes: readonly string[],
  optionalScopes: readonly string[],
  state: string,
): string {
  const base = (app.authorizeBase ?? HUBSPOT_AUTHORIZE_BASE).replace(/\/+$/, '');
  const qs = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: app.redirectUri,
    scope: scopes.join(' '),
  });
  if (optionalScopes.length) qs.set('optional_scope', optionalScopes.join(' '));
  qs.set('state', state);
  return `${base}/oauth/authorize?${qs.toString()}`;
}

const apiBase = (app: OAuthApp) => (app.apiBase ?? HUBSPOT_BASE_URL).replace(/\/+$/, '');

const INVALID_GRANT = new Set(['BAD_AUTH_CODE', 'BAD_REFRESH_TOKEN', 'invalid_grant', 'EXPIRED_AUTH_CODE']);

async function tokenCall(
  app: OAuthApp,
  form: Record<string, string>,
  now: number,
): Promise<OAuthResult<TokenGrant>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase(app)}/oauth/v1/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        ...form,
        client_id: app.clientId,
        client_secret: app.clientSecret,
      }).toString(),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    return {
      ok: false,
      invalidGrant: false,
      status: 0,
      message: `HubSpot's token endpoint did not answer (${(cause as Error).message}).`,
    };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const code = String(body.status ?? body.error ?? '');
    return {
      ok: false,
      invalidGrant: response.status === 400 && INVALID_GRANT.has(code),
      status: response.status,
      // HubSpot's message, never the token we sent.
      message:
        `HubSpot refused the token request (${response.status} ${code}): ${String(body.message ?? body.error_description ?? '')}`.trim(),
    };
  }
  const accessToken = String(body.access_token ?? '');
  const refreshToken = String(body.refresh_token ?? form.refresh_token ?? '');
  const expiresIn = Number(body.expires_in);
  if (!accessToken || !refreshToken || !Number.isFinite(expiresIn)) {
    return {
      ok: false,
      invalidGrant: false,
      status: response.status,
      message: 'HubSpot sent a token response without access_token, refresh_token or expires_in.',
    };
  }
  return {
    ok: true,
    value: {
      accessToken,
      refreshToken,
      expiresAt: now + expiresIn * 1000,
      hubId: Number.isFinite(Number(body.hub_id)) && body.hub_id !== undefined ? Number(body.hub_id) : null,
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [],
    },
  };
}

/** `POST /oauth/v1/token` with `grant_type=authorization_code`. */
export function exchangeCode(
  app: OAuthApp,
  code: string,
  now = Date.now(),
): Promise<OAuthResult<TokenGrant>> {
  return tokenCall(app, { grant_type: 'authorization_code', redirect_uri: app.redirectUri, code }, now);
}

/** `POST /oauth/v1/token` with `grant_type=refresh_token`. */
export function refreshAccessToken(
  app: OAuthApp,
  refreshToken: string,
  now = Date.now(),
): Promise<OAuthResult<TokenGrant>> {
  return tokenCall(
    app,
    { grant_type: 'refresh_token', redirect_uri: app.redirectUri, refresh_token: refreshToken },
    now,
  );
}

/** `GET /oauth/v1/access-tokens/{token}`: which portal (hub) and user a token belongs to. */
export async function tokenInfo(app: OAuthApp, accessToken: string): Promise<OAuthResult<TokenInfo>> {
  let response: Response;
  try {
    response = await fetch(`${apiBase(app)}/oauth/v1/access-tokens/${encodeURIComponent(accessToken)}`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (cause) {
    return {
      ok: false,
      invalidGrant: false,
      status: 0,
      message: `HubSpot's token info endpoint did not answer (${(cause as Error).message}).`,
    };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || !Number.isFinite(Number(body.hub_id))) {
    return {
      ok: false,
      invalidGrant: false,
      status: response.status,
      message: `HubSpot did not describe the new token (${response.status}).`,
    };
  }
  return {
    ok: true,
    value: {
      hubId: Number(body.hub_id),
      hubDomain: typeof body.hub_domain === 'string' ? body.hub_domain : null,
      user: typeof body.user === 'string' ? body.user : null,
      userId: Number.isFinite(Number(body.user_id)) ? Number(body.user_id) : null,
      scopes: Array.isArray(body.scopes) ? body.scopes.map(String) : [],
      appId: Number.isFinite(Number(body.app_id)) ? Number(body.app_id) : null,
      expiresInSeconds: Number(body.expires_in ?? 0),
    },
  };
}

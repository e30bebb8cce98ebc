import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../hubspot/app-scopes.ts';
import { authorizeUrl, exchangeCode, type OAuthApp, tokenInfo } from '../../hubspot/oauth.ts';
import type { Store } from '../store/index.ts';

export interface OAuthRouteOptions {
  app: OAuthApp;
  store: Store;
  /** Signs the `state` round trip, so a callback can only finish an install this backend started. */
  clientSecret: string;
  now?: () => number;
  /** After a (re-)install: create rolecall's properties in the portal. Returns a problem to show, or null. */
  onInstalled?: (portalId: number) => Promise<string | null>;
}

const STATE_TTL_MS = 15 * 60 * 1000;

function sign(secret: string, payload: string): string {
  return createHmac('sha256', `rolecall-oauth-state:${secret}`).update(payload).digest('base64url');
}

/** `<time>.<nonce>.<mac>`: stateless, so any instance can finish what another started. */
export function newState(secret: string, now: number): string {
  const payload = `${now}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(secret, payload)}`;
}

export function checkState(secret: string, state: string, now: number): boolean {
  const parts = state.split('.');
  if (parts.length !== 3) return false;
  const [time, nonce, mac] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${time}.${nonce}`));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const age = now - Number(time);
  return Number.isFinite(age) && age >= 0 && age <= STATE_TTL_MS;
}

const htmlEscape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function page(reply: FastifyReply, status: number, title: string, body: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${htmlEscape(title)}</title>` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#213343}</style>' +
        `</head><body><h1>${htmlEscape(title)}</h1>${body}</body></html>`,
    );
}

/** `GET /oauth/install` and `GET /oauth/callback`: the marketplace install, ending on a "connected" page. */
export function registerOAuthRoutes(app: FastifyInstance, options: OAuthRouteOptions): void {
  const now = options.now ?? Date.now;

  app.get('/oauth/install', async (_request, reply) => {
    const state = newState(options.clientSecret, now());
    return reply.redirect(authorizeUrl(options.app, REQUIRED_SCOPES, OPTIONAL_SCOPES, state), 302);
  });

  app.get('/oauth/callback', async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    if (query.error) {
      return page(
        reply,
        400,
        'Rolecall was not connected',
        `<p>HubSpot said: ${htmlEscape(query.error_description ?? query.error)}.</p><p><a href="/oauth/install">Try again</a>.</p>`,
      );
    }
    if (!query.code || !query.state || !checkState(options.clientSecret, query.state, now())) {
      return page(
        reply,
        400,
        'This install link has expired',
        '<p>The link is missing its code, was not started here, or is older than 15 minutes.</p><p><a href="/oauth/install">Start the install again</a>.</p>',
      );
    }
    const grant = await exchangeCode(options.app, query.code, now());
    if (!grant.ok) {
      request.log.warn({ status: grant.status }, 'OAuth code exchange failed');
      return page(
        reply,
        grant.invalidGrant ? 400 : 502,
        'Rolecall was not connected',
        `<p>${htmlEscape(grant.message)}</p><p><a href="/oauth/install">Start the install again</a>.</p>`,
      );
    }
    const info = await tokenInfo(options.app, grant.value.accessToken);
    if (!info.ok) {
      request.log.warn({ status: info.status }, 'OAuth token info failed');
      return page(
        reply,
        502,
        'Rolecall was not connected',
        `<p>${htmlEscape(info.message)}</p><p><a href="/oauth/install">Try again</a>.</p>`,
      );
    }
    const portal = await options.store.portals.install({
      portalId: info.value.hubId,
      accessToken: grant.value.accessToken,
      refreshToken: grant.value.refreshToken,
      expiresAt: grant.value.expiresAt,
      scopes: info.value.scopes.length ? info.value.scopes : grant.value.scopes,
      hubDomain: info.value.hubDomain,
      installedBy: info.value.user,
    });
    request.log.info({ portalId: portal.portalId }, 'portal connected');
    const problem = options.onInstalled
      ? await options.onInstalled(portal.portalId).catch((e: Error) => e.message)
      : null;
    const setupNote = problem
      ? `<p><strong>Setting up rolecall's contact properties did not finish:</strong> ${htmlEscape(problem)} It is retried at the next install; the card and workflows need them.</p>`
      : '';
    const domain = portal.hubDomain ? ` (${htmlEscape(portal.hubDomain)})` : '';
    return page(
      reply,
      200,
      'Rolecall is connected',
      `<p>HubSpot account <strong data-portal-id="${portal.portalId}">${portal.portalId}</strong>${domain} is connected to Rolecall.</p>${setupNote}` +
        '<p>New contacts and job-title changes are classified from now on. Add the <em>Buying role &amp; persona</em> card to your contact records (record → Customize → Card library), and open Connected apps → Rolecall → Settings for the playbook.</p>',
    );
  });
}

import { createGateway, type Gateway, type GatewayOptions } from '../hubspot/gateway.ts';
import { type OAuthApp, refreshAccessToken } from '../hubspot/oauth.ts';
import type { CrmPort } from './crm-port.ts';
import { gatewayPort } from './gateway-port.ts';
import type { Store } from './store/index.ts';

/** Which HubSpot connection serves a portal's work. */
export interface PortalPorts {
  /** `static`: one private-app token or service key for its one portal; `oauth`: one token set per installed portal. */
  readonly mode: 'static' | 'oauth';
  /** The port for a portal, or null when it is not installed or disconnected (its work waits). */
  portFor(portalId: number): Promise<CrmPort | null>;
  /** The full HubSpot gateway of a connected portal (property setup after an install). */
  gatewayFor?(portalId: number): Promise<Gateway | null>;
  rateLimitWaits(): number;
}

/** Private mode: the one token (or service key) serves whatever portal it belongs to. */
export function staticPorts(port: CrmPort, gateway?: Gateway): PortalPorts {
  return {
    mode: 'static',
    portFor: async () => port,
    ...(gateway ? { gatewayFor: async () => gateway } : {}),
    rateLimitWaits: () => port.rateLimitWaits?.() ?? 0,
  };
}

/** Refresh this long before HubSpot's expiry (tokens live 30 minutes). */
const REFRESH_AHEAD_MS = 5 * 60 * 1000;

export interface OAuthPortsOptions {
  store: Store;
  app: OAuthApp;
  gateway?: Partial<Omit<GatewayOptions, 'accessToken' | 'baseUrl'>>;
  baseUrl?: string;
  /** Share the per-portal rate budget through the database (several instances). */
  sharedBudget: boolean;
  now?: () => number;
  log?: (message: string, detail?: Record<string, unknown>) => void;
}

/**
 * OAuth mode: a gateway per portal whose access token is read from the store and refreshed before it
 * expires; a refused refresh (`invalid_grant`: uninstalled or revoked) disconnects the portal.
 */
export function oauthPorts(options: OAuthPortsOptions): PortalPorts {
  const now = options.now ?? Date.now;
  const gateways = new Map<number, { gateway: Gateway; port: CrmPort }>();
  const cached = new Map<number, { accessToken: string; expiresAt: number }>();
  const inFlight = new Map<number, Promise<string>>();
  /** The portal row's `updatedAt` the cached token was read at: a re-install (or another process's refresh) changes it. */
  const seenAt = new Map<number, number>();

  async function freshToken(portalId: number): Promise<string> {
    const tokens = await options.store.portals.tokens(portalId);
    if (!tokens) throw new Error(`portal ${portalId} is not connected; install the app again`);
    if (tokens.expiresAt === null || tokens.expiresAt - now() > REFRESH_AHEAD_MS) {
      cached.set(portalId, {
        accessToken: tokens.accessToken,
        expiresAt: tokens.expiresAt ?? Number.MAX_SAFE_INTEGER,
      });
      return tokens.accessToken;
    }
    if (!tokens.refreshToken)
      throw new Error(`portal ${portalId} has no refresh token; install the app again`);
    const refreshed = await refreshAccessToken(options.app, tokens.refreshToken, now());
    if (!refreshed.ok) {
      if (refreshed.invalidGrant) {
        await options.store.portals.disconnect(portalId, refreshed.message);
        cached.delete(portalId);
        options.log?.('portal disconnected: HubSpot refused the refresh token', { portalId });
        throw new Error(
          `portal ${portalId} disconnected: HubSpot refused the refresh token; install the app again`,
        );
      }
      throw new Error(refreshed.message);
    }
    await options.store.portals.saveTokens(portalId, refreshed.value);
    cached.set(portalId, { accessToken: refreshed.value.accessToken, expiresAt: refreshed.value.expiresAt });
    return refreshed.value.accessToken;
  }

  const currentToken = (portalId: number) => async (): Promise<string> => {
    const hit = cached.get(portalId);
    if (hit && hit.expiresAt - now() > REFRESH_AHEAD_MS) return hit.accessToken;
    let pending = inFlight.get(portalId);
    if (!pending) {
      pending = freshToken(portalId).finally(() => inFlight.delete(portalId));
      inFlight.set(portalId, pending);
    }
    return pending;
  };

  const ports: PortalPorts = {
    mode: 'oauth',
    async gatewayFor(portalId) {
      return (await ports.portFor(portalId)) ? (gateways.get(portalId)?.gateway ?? null) : null;
    },
    async portFor(portalId) {
      const portal = await options.store.portals.get(portalId);
      if (portal?.status !== 'connected' || portal.auth !== 'oauth') {
        cached.delete(portalId);
        return null;
      }
      if (seenAt.get(portalId) !== portal.updatedAt) {
        cached.delete(portalId);
        seenAt.set(portalId, portal.updatedAt);
      }
      let entry = gateways.get(portalId);
      if (!entry) {
        const gateway = createGateway({
          ...options.gateway,
          // Replaced before every request by the portal's current token.
          accessToken: 'oauth-token-pending',
          ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
          // HubSpot allows a marketplace app 110 requests per 10 s per installing portal.
          maxPerInterval: options.gateway?.maxPerInterval ?? 110,
          currentToken: currentToken(portalId),
          ...(options.sharedBudget ? { sharedBudget: () => options.store.budget.take(portalId) } : {}),
        });
        entry = { gateway, port: gatewayPort(gateway) };
        gateways.set(portalId, entry);
      }
      return entry.port;
    },
    rateLimitWaits: () => [...gateways.values()].reduce((n, e) => n + (e.port.rateLimitWaits?.() ?? 0), 0),
  };
  return ports;
}

import type { RouteContext } from '../context.ts';
import { type RouteResult, reply } from '../http.ts';

/**
 * GET /account-info/v3/details: the portal's id and where its UI lives, in HubSpot's documented shape
 * (any valid token may call it). The sandbox is a US-hosted Professional portal in UTC.
 */
export function accountDetails(ctx: RouteContext): RouteResult {
  return reply(200, {
    portalId: ctx.store.portalId,
    accountType: 'STANDARD',
    timeZone: 'UTC',
    companyCurrency: 'USD',
    additionalCurrencies: [],
    utcOffset: '+00:00',
    utcOffsetMilliseconds: 0,
    uiDomain: 'app.hubspot.com',
    dataHostingLocation: 'na1',
  });
}

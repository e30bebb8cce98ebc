import { Client } from '@hubspot/api-client';

export const HUBSPOT_BASE_URL = 'https://api.hubapi.com';

export interface HubSpotConnection {
  /** Private-app / static-auth token. Never logged. */
  accessToken: string;
  /** Defaults to HubSpot; a sandbox URL in tests and the demo. */
  baseUrl?: string;
  /** Total attempts per call inside the SDK (1 = no retry); rolecall's own retry layer sits above it. */
  sdkAttempts?: number;
}

/**
 * The one place that builds a HubSpot SDK client. Every HubSpot call in rolecall goes through
 * a client made here, so moving from the v3 paths to the dated ones is one change in one place.
 */
export function createHubSpotClient(connection: HubSpotConnection): Client {
  const basePath = (connection.baseUrl ?? HUBSPOT_BASE_URL).replace(/\/+$/, '');
  const client = new Client({
    accessToken: connection.accessToken,
    basePath,
    numberOfApiCallRetries: connection.sdkAttempts ?? 1,
  });
  // The SDK's decorator settings are process-global and bind on first access: touch the APIs now.
  void client.crm.contacts.batchApi;
  void client.crm.companies.batchApi;
  return client;
}

/** Masks a token for messages: shows the prefix family only. */
export function maskToken(token: string): string {
  const prefix = /^(pat-[a-z0-9]+-)/.exec(token)?.[1] ?? '';
  return `${prefix}…(${token.length} chars)`;
}

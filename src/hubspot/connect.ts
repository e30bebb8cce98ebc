import { createGateway, type Gateway } from './gateway.ts';
import type { TransportOptions } from './transport.ts';

export interface ConnectOptions extends TransportOptions {
  /** A static-auth app token or a service key; never logged. */
  accessToken: string;
  /** HubSpot's API by default; a `rolecall sandbox` URL in tests. */
  baseUrl?: string;
}

export interface Connection {
  gateway: Gateway;
  /** What runs are recorded against: a URL or the sandbox file. Never the token. */
  target: string;
  /** A line for people about where the commands write (set for a local sandbox). */
  note?: string;
  close(): Promise<void>;
}

/** Connects to a HubSpot portal (or a sandbox that plays one) with a token. */
export function connectPortal(options: ConnectOptions): Connection {
  const gateway = createGateway({ ...options, accessToken: options.accessToken.trim() });
  return { gateway, target: options.baseUrl ?? 'https://api.hubapi.com', close: async () => {} };
}

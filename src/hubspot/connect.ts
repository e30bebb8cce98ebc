import { existsSync } from 'node:fs';
import { createGateway, type Gateway } from './gateway.ts';
import type { TransportOptions } from './transport.ts';

export interface ConnectOptions extends TransportOptions {
  /** `HUBSPOT_ACCESS_TOKEN`; without it rolecall runs against a local sandbox. */
  accessToken?: string;
  baseUrl?: string;
  /** Where the local sandbox keeps its data between commands (so `tag` then `undo` see one portal). */
  sandboxFile: string;
  /** Contacts seeded into a new local sandbox. */
  sandboxContacts?: number;
}

export interface Connection {
  gateway: Gateway;
  /** What runs are recorded against: a URL or the sandbox file. Never the token. */
  target: string;
  /** Set when rolecall started its own sandbox. */
  sandboxNote?: string;
  close(): Promise<void>;
}

export const SANDBOX_CONTACTS = 3000;

export type ConnectResult = { ok: true; connection: Connection } | { ok: false; message: string };

/** Connects to HubSpot with a token, or starts an in-process sandbox seeded with sample data. */
export async function connect(options: ConnectOptions): Promise<ConnectResult> {
  const token = options.accessToken?.trim();
  if (token) {
    const gateway = createGateway({ ...options, accessToken: token });
    return {
      ok: true,
      connection: { gateway, target: options.baseUrl ?? 'https://api.hubapi.com', close: async () => {} },
    };
  }
  if (options.baseUrl) {
    return {
      ok: false,
      message: `--base-url ${options.baseUrl} needs a token: set HUBSPOT_ACCESS_TOKEN (or drop --base-url to use the built-in sandbox).`,
    };
  }
  // Loaded only when needed: a real run never starts a server.
  const { startSandbox } = await import('../sandbox/index.ts');
  const reuse = existsSync(options.sandboxFile);
  const contacts = options.sandboxContacts ?? SANDBOX_CONTACTS;
  const sandbox = await startSandbox(reuse ? { dataFile: options.sandboxFile } : { seed: 1, contacts });
  const gateway = createGateway({ ...options, accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
  return {
    ok: true,
    connection: {
      gateway,
      target: `sandbox:${options.sandboxFile}`,
      sandboxNote: reuse
        ? `No HUBSPOT_ACCESS_TOKEN: using the local sandbox saved in ${options.sandboxFile}.`
        : `No HUBSPOT_ACCESS_TOKEN: using a local sandbox with ${contacts} sample contacts (seed 1), saved to ${options.sandboxFile}.`,
      close: async () => {
        await sandbox.save(options.sandboxFile);
        await sandbox.close();
      },
    },
  };
}

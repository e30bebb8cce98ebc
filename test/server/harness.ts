import { mkdtempSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type GatewayOptions } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { DEFAULT_SCOPES, startSandbox } from '../../src/sandbox/index.ts';
import { buildServer, type RolecallServer, type ServerDeps } from '../../src/server/app.ts';
import { gatewayPort } from '../../src/server/gateway-port.ts';
import { signV2, signV3 } from '../../src/server/signature.ts';
import { boundClassify } from '../../src/server/tagger.ts';

export const SECRET = 'test-client-secret-0001';
export const PUBLIC_URL = 'https://rolecall.test';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
/** A second token, so property setup does not spend the server token's rate budget. */
const SETUP_TOKEN = 'pat-na1-setup000-0000-0000-0000-000000000000';

export const tempDb = () => join(mkdtempSync(join(tmpdir(), 'rolecall-serve-')), 'rolecall.db');

/** A sandbox portal with rolecall's properties set up by the real `setupPortal`, before any rate limit applies. */
export async function startPortal(options: {
  contacts: number;
  perTenSeconds?: number;
  seed?: number;
  /** Seeded deals (the sandbox's default is one per ten contacts); 0 keeps a test to the contact path. */
  deals?: number;
}): Promise<Sandbox> {
  const tokens = [
    {
      token: `pat-na1-serve000-0000-0000-0000-${String(options.seed ?? 8).padStart(12, '0')}`,
      scopes: [...DEFAULT_SCOPES],
    },
    { token: SETUP_TOKEN, scopes: [...DEFAULT_SCOPES] },
  ];
  const unlimited = await startSandbox({
    port: 0,
    contacts: options.contacts,
    seed: options.seed ?? 8,
    ...(options.deals === undefined ? {} : { deals: options.deals }),
    rateLimit: false,
    tokens,
  });
  const gateway = createGateway({ accessToken: SETUP_TOKEN, baseUrl: unlimited.baseUrl });
  const result = await setupPortal(gateway, defaultPlaybook, false);
  if (result.error) throw new Error(`setup failed: ${result.error.message}`);
  if (!options.perTenSeconds) return unlimited;
  const dataFile = join(mkdtempSync(join(tmpdir(), 'rolecall-portal-')), 'portal.json');
  await unlimited.save(dataFile);
  await unlimited.close();
  return startSandbox({
    port: 0,
    dataFile,
    rateLimit: { perTenSeconds: options.perTenSeconds, daily: 1_000_000 },
    tokens,
  });
}

/** rolecall serve, in-process on port 0, talking to the sandbox through the real gateway. */
export async function startRolecall(
  sandbox: Sandbox,
  options: {
    dbPath?: string;
    gateway?: Partial<GatewayOptions>;
    worker?: ServerDeps['worker'];
    /** Listen here with this public URL (for deliveries the sandbox signs over the real URL). */
    listenPort?: number;
    appId?: string;
    /** Serve per-portal playbook versions (the /api/playbook routes) over this embedded one. */
    playbook?: ServerDeps['playbook'];
  } = {},
): Promise<{ server: RolecallServer; url: string }> {
  const gateway = createGateway({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    maxAttempts: 2,
    baseBackoffMs: 20,
    timeoutMs: 10_000,
    ...options.gateway,
  });
  const server = await buildServer(
    {
      clientSecret: SECRET,
      publicUrl: options.listenPort ? `http://127.0.0.1:${options.listenPort}` : PUBLIC_URL,
      dbPath: options.dbPath ?? tempDb(),
      port: options.listenPort ?? 0,
      host: '127.0.0.1',
      ...(options.appId ? { appId: options.appId } : {}),
    },
    {
      port: gatewayPort(gateway),
      gateway,
      classify: boundClassify(defaultPlaybook),
      logger: false,
      worker: options.worker ?? { backoffMs: 50, maxBackoffMs: 400, idleMs: 50, gatherMs: 50 },
      ...(options.playbook ? { playbook: options.playbook } : {}),
    },
  );
  const url = await server.listen();
  return { server, url };
}

export interface SignOptions {
  secret?: string;
  timestamp?: number;
  version?: 'v3' | 'v2';
  /** Changes the body after signing. */
  tamper?: (body: string) => string;
  /** The public URL the server computes signatures over (default PUBLIC_URL). */
  signedBase?: string;
  /** Changes the request URL after signing (e.g. another portalId). */
  tamperUrl?: (url: string) => string;
}

/** A port that was free a moment ago (the OS picks it; nothing fixed). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** POSTs a JSON body signed the way HubSpot signs it, over the public URL. */
export async function signedPost(url: string, path: string, body: unknown, options: SignOptions = {}) {
  const raw = JSON.stringify(body);
  const secret = options.secret ?? SECRET;
  const timestamp = options.timestamp ?? Date.now();
  const headers: Record<string, string> =
    options.version === 'v2'
      ? {
          'x-hubspot-signature': signV2(secret, 'POST', `${options.signedBase ?? PUBLIC_URL}${path}`, raw),
          'x-hubspot-signature-version': 'v2',
        }
      : {
          'x-hubspot-signature-v3': signV3(
            secret,
            'POST',
            `${options.signedBase ?? PUBLIC_URL}${path}`,
            raw,
            timestamp,
          ),
          'x-hubspot-request-timestamp': String(timestamp),
        };
  const sent = options.tamper ? options.tamper(raw) : raw;
  const target = options.tamperUrl ? options.tamperUrl(`${url}${path}`) : `${url}${path}`;
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: sent,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Polls until `check` is true (real HTTP and a real worker: no fake timers). */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

let nextEventId = 1;
/** Webhook events in the 2026.09 shape (or legacy), with fresh event ids. */
export function creationEvent(contactId: string | number, legacy = false) {
  return legacy
    ? {
        eventId: nextEventId++,
        subscriptionType: 'contact.creation',
        objectId: Number(contactId),
        portalId: 1,
        occurredAt: Date.now(),
        attemptNumber: 0,
        changeFlag: 'NEW',
      }
    : {
        eventId: nextEventId++,
        subscriptionType: 'object.creation',
        objectType: 'contact',
        objectId: Number(contactId),
        portalId: 1,
        occurredAt: Date.now(),
        attemptNumber: 0,
      };
}

export function titleChangeEvent(contactId: string | number, title: string) {
  return {
    eventId: nextEventId++,
    subscriptionType: 'object.propertyChange',
    objectType: 'contact',
    objectId: Number(contactId),
    propertyName: 'jobtitle',
    propertyValue: title,
    changeSource: 'CRM_UI',
    portalId: 1,
    occurredAt: Date.now(),
    attemptNumber: 0,
  };
}

/** A request signed like `hubspot.fetch` (v3 over the public URL, portalId and userId in the query). */
export async function signedFetch(
  url: string,
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  body?: unknown,
  options: { secret?: string } = {},
) {
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = Date.now();
  const signature = signV3(options.secret ?? SECRET, method, `${PUBLIC_URL}${path}`, raw, timestamp);
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': String(timestamp),
    },
    ...(body === undefined ? {} : { body: raw }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: response.status, body: parsed as Record<string, unknown>, text };
}

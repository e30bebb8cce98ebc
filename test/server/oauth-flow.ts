import { setupAfterInstall } from '../../src/cli/commands/serve.ts';
import type { OAuthApp } from '../../src/hubspot/oauth.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { buildServer, type RolecallServer } from '../../src/server/app.ts';
import { type OAuthPortsOptions, oauthPorts } from '../../src/server/portal-ports.ts';
import type { Store } from '../../src/server/store/index.ts';
import { boundClassify } from '../../src/server/tagger.ts';
import { freePort, type Sandbox, SECRET } from './harness.ts';

/** A browser going through the install: /oauth/install → HubSpot's authorize page → /oauth/callback. */
export async function installThroughBrowser(
  serverUrl: string,
  portalId?: number,
): Promise<{ status: number; html: string; portalId: number | null }> {
  const install = await fetch(`${serverUrl}/oauth/install`, { redirect: 'manual' });
  if (install.status !== 302) throw new Error(`/oauth/install answered ${install.status}`);
  const authorize = new URL(install.headers.get('location') ?? '');
  // The sandbox's account picker: a person would choose the account; tests may name it.
  if (portalId !== undefined) authorize.searchParams.set('portal_id', String(portalId));
  const approved = await fetch(authorize, { redirect: 'manual' });
  if (approved.status !== 302) throw new Error(`authorize answered ${approved.status}`);
  const callback = await fetch(approved.headers.get('location') ?? '', { redirect: 'manual' });
  const html = await callback.text();
  const id = /data-portal-id="(\d+)"/.exec(html)?.[1];
  return { status: callback.status, html, portalId: id ? Number(id) : null };
}

/**
 * The backend as `rolecall serve` runs it in OAuth mode (the marketplace build), over real HTTP on a free port,
 * in front of a sandbox that plays HubSpot's OAuth: one place for the wiring three test files need.
 */
export async function startOAuthBackend(options: {
  sandbox: Sandbox;
  store: Store;
  clientId: string;
  /** The token clock (refresh decisions); signatures and the queue keep real time. */
  now?: () => number;
  gateway?: OAuthPortsOptions['gateway'];
  gatherMs?: number;
}): Promise<{ server: RolecallServer; publicUrl: string }> {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const { sandbox, store } = options;
  const app: OAuthApp = {
    clientId: options.clientId,
    clientSecret: SECRET,
    redirectUri: `${publicUrl}/oauth/callback`,
    apiBase: sandbox.baseUrl,
    authorizeBase: sandbox.baseUrl,
  };
  const ports = oauthPorts({
    store,
    app,
    baseUrl: sandbox.baseUrl,
    sharedBudget: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.gateway ? { gateway: options.gateway } : {}),
  });
  const server = await buildServer(
    { clientSecret: SECRET, publicUrl, dbPath: ':memory:', port, host: '127.0.0.1' },
    {
      store,
      ports,
      oauth: app,
      onInstalled: setupAfterInstall(ports, defaultPlaybook),
      classify: boundClassify(defaultPlaybook),
      logger: false,
      worker: { backoffMs: 50, maxBackoffMs: 400, idleMs: 50, gatherMs: options.gatherMs ?? 50 },
    },
  );
  await server.listen();
  return { server, publicUrl };
}

import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { createGateway, type Gateway } from '../../hubspot/gateway.ts';
import { setupPortal } from '../../hubspot/setup.ts';
import defaultPlaybookJson from '../../playbook/default-playbook.json' with { type: 'json' };
import type { Playbook } from '../../playbook/schema.ts';
import { buildServer } from '../../server/app.ts';
import { loadServerConfig } from '../../server/config.ts';
import { gatewayPort } from '../../server/gateway-port.ts';
import { oauthPorts, type PortalPorts, staticPorts } from '../../server/portal-ports.ts';
import { PRIVATE_PORTAL } from '../../server/routes/webhooks.ts';
import { redactUrl } from '../../server/store/db.ts';
import { openStore, type Store } from '../../server/store/index.ts';
import { boundClassify, type ClassifyFn } from '../../server/tagger.ts';
import { CliError, UsageError } from '../errors.ts';
import { loadPlaybookForCli } from '../options.ts';

const staticGatewayPorts = (gateway: Gateway) => staticPorts(gatewayPort(gateway), gateway);

/** After an install, create rolecall's property group and properties in the portal (idempotent). */
export function setupAfterInstall(ports: PortalPorts, playbook: Playbook) {
  return async (portalId: number): Promise<string | null> => {
    const gateway = await ports.gatewayFor?.(portalId);
    if (!gateway) return 'the portal is not connected.';
    const result = await setupPortal(gateway, playbook, false);
    return result.error ? result.error.message : null;
  };
}

/** Runs the service until SIGTERM/SIGINT; config comes from the environment (see app.json). */
export async function runServe(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const loaded = loadServerConfig(env);
  if (!loaded.ok) {
    throw new UsageError(
      `rolecall serve cannot start:\n  ${loaded.errors.join('\n  ')}\nSet the variables (app.json describes each one), then run "rolecall serve" again.`,
    );
  }
  const config = loaded.config;
  const playbook = await loadPlaybookForCli(config.playbookPath, 'ROLECALL_PLAYBOOK');
  // The document the settings page starts editing from (the file's own data, or the shipped default's).
  const playbookData: unknown = config.playbookPath
    ? parseYaml(await readFile(config.playbookPath, 'utf8'))
    : defaultPlaybookJson;
  const classifyFn: ClassifyFn = boundClassify(playbook);
  let store: Store;
  try {
    if (!config.databaseUrl) mkdirSync(dirname(config.dbPath), { recursive: true });
    store = await openStore({
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dbPath: config.dbPath }),
      ...(config.tokenKey ? { tokenKey: config.tokenKey } : {}),
      ratePerTenSeconds: config.ratePerTenSeconds ?? (config.mode === 'oauth' ? 110 : 100),
    });
  } catch (error) {
    const where = config.databaseUrl
      ? `DATABASE_URL ${redactUrl(config.databaseUrl)}`
      : `ROLECALL_DB_PATH ${config.dbPath}`;
    throw new CliError(
      `${where} cannot be opened (${(error as Error).message}); ${config.databaseUrl ? 'check the URL and that the database accepts connections' : 'point it at a writable file on a persistent volume'}.`,
    );
  }
  // Several instances on one Postgres share each portal's HubSpot budget through it.
  const shared = Boolean(config.databaseUrl);
  const oauth =
    config.mode === 'oauth' && config.clientId
      ? {
          clientId: config.clientId,
          clientSecret: config.clientSecret,
          redirectUri: `${config.publicUrl}/oauth/callback`,
          ...(config.hubspotBaseUrl
            ? { apiBase: config.hubspotBaseUrl, authorizeBase: config.hubspotBaseUrl }
            : {}),
        }
      : undefined;
  const ports = oauth
    ? oauthPorts({
        store,
        app: oauth,
        sharedBudget: true,
        ...(config.hubspotBaseUrl ? { baseUrl: config.hubspotBaseUrl } : {}),
      })
    : staticGatewayPorts(
        createGateway({
          accessToken: config.accessToken ?? '',
          ...(config.hubspotBaseUrl ? { baseUrl: config.hubspotBaseUrl } : {}),
          ...(shared ? { sharedBudget: () => store.budget.take(PRIVATE_PORTAL) } : {}),
        }),
      );
  const server = await buildServer(config, {
    store,
    ports,
    classify: classifyFn,
    // Each portal's saved playbook versions take over from this one (no rebuild, no restart).
    playbook: { playbook, data: playbookData },
    ...(oauth ? { oauth, onInstalled: setupAfterInstall(ports, playbook) } : {}),
    worker: {
      ...(config.workerConcurrency ? { concurrency: config.workerConcurrency } : {}),
      ...(config.leaseMs ? { leaseMs: config.leaseMs } : {}),
    },
  });
  server.app.addHook('onClose', async () => store.close());
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw new CliError(
      `rolecall serve cannot listen on ${config.host}:${config.port} (${(error as Error).message}); set PORT to a free port.`,
    );
  }
  server.app.log.info(
    { mode: config.mode, database: store.db.dialect.engine },
    config.mode === 'oauth'
      ? `serving installed portals; install link ${config.publicUrl}/oauth/install`
      : 'serving one portal (private app)',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      server.app.log.info('shutting down: finishing the batch in hand');
      void server.close().then(resolve, resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** `rolecall serve`: the HubSpot workflow action, webhooks and bulk-action backend. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Run the HubSpot backend: workflow action, webhooks (durable queue) and bulk action. Configured by environment variables (see app.json).',
    )
    .addHelpText(
      'after',
      [
        '',
        'Environment (checked at start; every problem is listed):',
        '  HUBSPOT_ACCESS_TOKEN   the app access token (never printed)                        required',
        '  HUBSPOT_CLIENT_SECRET  the app client secret, to verify HubSpot signatures        required',
        "  ROLECALL_PUBLIC_URL    the https URL HubSpot calls (the hsmeta files' actionUrl)  required",
        '  ROLECALL_DB_PATH       SQLite queue and audit log (default rolecall.db)',
        '  PORT, HOST             where to listen (default 8080 on 0.0.0.0)',
        '  ROLECALL_PLAYBOOK      a playbook file instead of the built-in one',
        '  HUBSPOT_APP_ID         ignore webhook events caused by our own writes',
        '  HUBSPOT_BASE_URL       a sandbox instead of HubSpot (tests)',
        '',
        'Examples:',
        '  $ HUBSPOT_ACCESS_TOKEN=pat-na1-… HUBSPOT_CLIENT_SECRET=… ROLECALL_PUBLIC_URL=https://rolecall.example.com rolecall serve',
        '  $ PORT=3000 ROLECALL_DB_PATH=/data/rolecall.db rolecall serve   # with the three required variables set',
      ].join('\n'),
    )
    .action(async () => {
      await runServe();
    });
}

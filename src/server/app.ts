import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Gateway } from '../hubspot/gateway.ts';
import type { OAuthApp } from '../hubspot/oauth.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { ServerConfig } from './config.ts';
import type { CrmPort } from './crm-port.ts';
import { type Counters, newCounters } from './metrics.ts';
import { playbookService } from './playbook-service.ts';
import { type PortalPorts, staticPorts } from './portal-ports.ts';
import { registerBulkClassifyRoute } from './routes/bulk-classify.ts';
import { registerCardRoutes } from './routes/cards.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerOAuthRoutes } from './routes/oauth.ts';
import { registerPlaybookRoutes } from './routes/playbook.ts';
import { registerWebhookRoute } from './routes/webhooks.ts';
import { registerWorkflowActionRoute } from './routes/workflow-action.ts';
import { openStore, type Store } from './store/index.ts';
import type { ClassifyFn } from './tagger.ts';
import { Worker, type WorkerOptions } from './worker.ts';

export interface ServerDeps {
  /** Private mode: the one CRM port (static token or service key). Give this or `ports`. */
  port?: CrmPort;
  /** Private mode: the gateway behind `port` (deal re-evaluation and cards need the full API). */
  gateway?: Gateway;
  /** The connection per portal (OAuth mode). */
  ports?: PortalPorts;
  classify: ClassifyFn;
  /** A portal's own classification (its playbook); defaults to `classify` for every portal. */
  classifyFor?: (portalId: number) => Promise<ClassifyFn>;
  /**
   * The embedded playbook (parsed, and as the document the settings page edits). With it, each portal's
   * saved playbook versions (settings page, `rolecall playbook push`) drive classification, and the
   * `/api/playbook` routes are served; a portal that saved none uses this one.
   */
  playbook?: { playbook: Playbook; data: unknown };
  /** An open store; without it the server opens one from `config` and closes it on close. */
  store?: Store;
  /** The OAuth app (client id/secret, redirect): enables /oauth/install and /oauth/callback. */
  oauth?: OAuthApp;
  /** After an OAuth install (e.g. create rolecall's properties); returns a problem to show, or null. */
  onInstalled?: (portalId: number) => Promise<string | null>;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Worker tuning (tests shorten backoff); `false` leaves the queue for a test to drain by hand. */
  worker?:
    | Partial<Omit<WorkerOptions, 'store' | 'ports' | 'classifyFor' | 'playbookFor' | 'counters'>>
    | false;
}

export interface RolecallServer {
  app: FastifyInstance;
  store: Store;
  /** The store's job queue (shorthand for `store.queue`). */
  queue: Store['queue'];
  ports: PortalPorts;
  worker: Worker;
  counters: Counters;
  /** Listens on `config.host:config.port` (0 = any free port) and returns the base URL. */
  listen(): Promise<string>;
  /** Stops taking requests, lets the worker finish its batch, closes the database. */
  close(): Promise<void>;
}

/** Header values that must never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-hubspot-signature"]',
  'req.headers["x-hubspot-signature-v3"]',
  'headers.authorization',
  'accessToken',
  'refreshToken',
  'clientSecret',
];

export type BuildConfig = Pick<
  ServerConfig,
  'clientSecret' | 'publicUrl' | 'dbPath' | 'port' | 'host' | 'appId'
> &
  Partial<Pick<ServerConfig, 'databaseUrl' | 'tokenKey' | 'ratePerTenSeconds' | 'metricsToken'>>;

/** Builds the rolecall service; tests run it on port 0 against the sandbox. */
export async function buildServer(config: BuildConfig, deps: ServerDeps): Promise<RolecallServer> {
  const logger = deps.logger === undefined || deps.logger === true ? { level: 'info' } : deps.logger;
  const app = Fastify({
    logger: logger && typeof logger === 'object' ? { ...logger, redact: REDACTED_PATHS } : logger,
    bodyLimit: 2 * 1024 * 1024,
  });
  // Signatures cover the raw bytes: keep JSON bodies as the exact string; routes parse after verifying.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const now = deps.now ?? (() => new Date());
  const ownsStore = !deps.store;
  const store =
    deps.store ??
    (await openStore({
      ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dbPath: config.dbPath }),
      ...(config.tokenKey ? { tokenKey: config.tokenKey } : {}),
      ...(config.ratePerTenSeconds ? { ratePerTenSeconds: config.ratePerTenSeconds } : {}),
      clock: () => now().getTime(),
    }));
  const ports = deps.ports ?? (deps.port ? staticPorts(deps.port, deps.gateway) : null);
  if (!ports) throw new Error('buildServer needs a CRM port (private mode) or portal ports (OAuth mode).');
  const playbooks = deps.playbook
    ? playbookService(store.playbooks, deps.playbook.playbook, deps.playbook.data, () => now().getTime())
    : null;
  const classifyFor = deps.classifyFor ?? playbooks?.classifyFor ?? (async () => deps.classify);
  const playbookFor = async (portalId: number) =>
    playbooks ? (await playbooks.current(portalId)).playbook : (deps.playbook?.playbook ?? defaultPlaybook);
  const counters = newCounters();
  const workerOptions = deps.worker === false ? {} : (deps.worker ?? {});
  const worker = new Worker({
    ...workerOptions,
    store,
    ports,
    classifyFor,
    playbookFor,
    counters,
    now,
    log: (message, detail) => app.log.warn(detail ?? {}, message),
  });
  const verify = {
    clientSecret: config.clientSecret,
    publicUrl: config.publicUrl,
    counters,
    now: () => now().getTime(),
  };
  const shared = { verify, ports, classifyFor, store, counters, now };

  registerHealthRoutes(app, {
    store,
    counters,
    ports,
    ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
    startedAt: now().toISOString(),
  });
  registerWebhookRoute(app, {
    verify,
    store,
    ports,
    counters,
    ...(config.appId ? { appId: config.appId } : {}),
    onQueued: () => worker.wake(),
  });
  registerWorkflowActionRoute(app, shared);
  registerBulkClassifyRoute(app, shared);
  if (playbooks) registerPlaybookRoutes(app, { verify, playbooks, now });
  registerCardRoutes(app, {
    verify,
    ports,
    store,
    counters,
    now,
    playbookFor,
  });
  if (deps.oauth) {
    registerOAuthRoutes(app, {
      app: deps.oauth,
      store,
      clientSecret: config.clientSecret,
      now: () => now().getTime(),
      ...(deps.onInstalled ? { onInstalled: deps.onInstalled } : {}),
    });
  }
  if (deps.worker !== false) app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => {
    await worker.stop();
    if (ownsStore) await store.close();
  });

  return {
    app,
    store,
    queue: store.queue,
    ports,
    worker,
    counters,
    listen: () => app.listen({ port: config.port, host: config.host }),
    close: () => app.close(),
  };
}

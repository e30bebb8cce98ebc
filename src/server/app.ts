import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { CrmPort } from './crm-port.ts';
import { type Counters, newCounters } from './metrics.ts';
import { JobQueue } from './queue.ts';
import { registerBulkClassifyRoute } from './routes/bulk-classify.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerWebhookRoute } from './routes/webhooks.ts';
import { registerWorkflowActionRoute } from './routes/workflow-action.ts';
import type { ClassifyFn } from './tagger.ts';
import { Worker, type WorkerOptions } from './worker.ts';

export interface ServerDeps {
  port: CrmPort;
  classify: ClassifyFn;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** Worker tuning (tests shorten backoff); `false` leaves the queue for a test to drain by hand. */
  worker?: Partial<Omit<WorkerOptions, 'queue' | 'port' | 'classify' | 'counters'>> | false;
}

export interface RolecallServer {
  app: FastifyInstance;
  queue: JobQueue;
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
  'clientSecret',
];

/** Builds the rolecall service in-process; tests run it on port 0 against the sandbox. */
export function buildServer(
  config: Pick<ServerConfig, 'clientSecret' | 'publicUrl' | 'dbPath' | 'port' | 'host' | 'appId'>,
  deps: ServerDeps,
): RolecallServer {
  const logger = deps.logger === undefined || deps.logger === true ? { level: 'info' } : deps.logger;
  const app = Fastify({
    logger: logger && typeof logger === 'object' ? { ...logger, redact: REDACTED_PATHS } : logger,
    bodyLimit: 2 * 1024 * 1024,
  });
  // Signatures cover the raw bytes: keep JSON bodies as the exact string; routes parse after verifying.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const now = deps.now ?? (() => new Date());
  const counters = newCounters();
  const queue = new JobQueue(config.dbPath, () => now().getTime());
  queue.releaseLeases();
  const workerOptions = deps.worker === false ? {} : (deps.worker ?? {});
  const worker = new Worker({
    ...workerOptions,
    queue,
    port: deps.port,
    classify: deps.classify,
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
  const shared = { verify, port: deps.port, classify: deps.classify, counters, now };

  registerHealthRoutes(app, { queue, counters, port: deps.port });
  registerWebhookRoute(app, {
    verify,
    queue,
    counters,
    ...(config.appId ? { appId: config.appId } : {}),
    onQueued: () => worker.wake(),
  });
  registerWorkflowActionRoute(app, shared);
  registerBulkClassifyRoute(app, shared);
  if (deps.worker !== false) app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => {
    await worker.stop();
    queue.close();
  });

  return {
    app,
    queue,
    worker,
    counters,
    listen: () => app.listen({ port: config.port, host: config.host }),
    close: () => app.close(),
  };
}

import { z } from 'zod';

const url = (what: string) =>
  z
    .string()
    .trim()
    .pipe(z.url({ error: `is not a URL; ${what}` }));

/** Environment variables of `rolecall serve`, each with the fix to name when it is wrong. */
const EnvSchema = z.object({
  // Private mode: a static-auth app token or a service key (both are sent as a Bearer token).
  HUBSPOT_ACCESS_TOKEN: z
    .string()
    .trim()
    .min(10, 'looks too short to be an access token or service key; copy it again from HubSpot')
    .optional(),
  // OAuth (marketplace) mode.
  HUBSPOT_CLIENT_ID: z
    .string()
    .trim()
    .min(8, "looks too short to be a client id; copy it from the app's Auth tab")
    .optional(),
  HUBSPOT_CLIENT_SECRET: z
    .string({ error: 'is not set; copy the client secret from HubSpot (Development → your app → Auth)' })
    .trim()
    .min(8, "looks too short to be a client secret; copy it again from the app's Auth tab"),
  ROLECALL_PUBLIC_URL: z
    .string({ error: 'is not set; set it to the https URL HubSpot calls, e.g. https://rolecall.example.com' })
    .trim()
    .pipe(z.url({ error: 'is not a URL; use e.g. https://rolecall.example.com' }))
    .refine((value) => /^https?:\/\//.test(value), 'must start with https:// (http:// only for local tests)')
    .transform((value) => value.replace(/\/+$/, '')),
  ROLECALL_TOKEN_KEY: z
    .string()
    .trim()
    .min(32, 'must be at least 32 characters; generate one with: openssl rand -hex 32')
    .optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (Heroku Postgres sets it)')
    .optional(),
  ROLECALL_DB_PATH: z.string().trim().min(1).default('rolecall.db'),
  PORT: z.coerce
    .number({ error: 'must be a port number, e.g. 8080' })
    .int('must be a whole number, e.g. 8080')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  ROLECALL_PLAYBOOK: z.string().trim().optional(),
  HUBSPOT_BASE_URL: url('leave it unset for HubSpot, or point it at a sandbox').optional(),
  HUBSPOT_APP_ID: z.string().trim().regex(/^\d+$/, 'must be the numeric app id').optional(),
  ROLECALL_RATE_LIMIT: z.coerce
    .number()
    .int('must be a whole number of requests per 10 seconds')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .optional(),
  ROLECALL_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).optional(),
  ROLECALL_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).optional(),
  ROLECALL_METRICS_TOKEN: z
    .string()
    .trim()
    .min(16, 'is too short to guard /metrics; use 16 characters or more (e.g. openssl rand -hex 24)')
    .optional(),
});

export interface ServerConfig {
  /** `static`: one token or service key (private app); `oauth`: installed portals (marketplace app). */
  mode: 'static' | 'oauth';
  accessToken?: string;
  clientId?: string;
  clientSecret: string;
  publicUrl: string;
  tokenKey?: string;
  databaseUrl?: string;
  dbPath: string;
  port: number;
  host: string;
  playbookPath?: string;
  hubspotBaseUrl?: string;
  /** Our own app id: webhook events caused by our writes (sourceId = app id) are ignored. */
  appId?: string;
  /** Requests per 10 s per portal, shared by all instances (OAuth default 110, HubSpot's per-portal limit). */
  ratePerTenSeconds?: number;
  workerConcurrency?: number;
  leaseMs?: number;
  /** When set, `GET /metrics` answers only `Authorization: Bearer <this>`. */
  metricsToken?: string;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

/** Reads and checks the environment once at start; every problem is reported, never the value of a secret. */
export function loadServerConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const errors: string[] = [];
  if (!cleaned.HUBSPOT_ACCESS_TOKEN && !cleaned.HUBSPOT_CLIENT_ID) {
    errors.push(
      'HUBSPOT_ACCESS_TOKEN or HUBSPOT_CLIENT_ID is needed: a static token or service key for one portal (private app), or the client id of the marketplace app (OAuth) to serve every portal that installs it',
    );
  }
  if (cleaned.HUBSPOT_CLIENT_ID && !cleaned.ROLECALL_TOKEN_KEY) {
    errors.push(
      'ROLECALL_TOKEN_KEY is not set; OAuth tokens are stored encrypted with it (generate one: openssl rand -hex 32)',
    );
  }
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    errors.push(
      ...parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`),
    );
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  const e = parsed.data;
  const mode = e.HUBSPOT_CLIENT_ID ? 'oauth' : 'static';
  return {
    ok: true,
    config: {
      mode,
      ...(mode === 'static' && e.HUBSPOT_ACCESS_TOKEN ? { accessToken: e.HUBSPOT_ACCESS_TOKEN } : {}),
      ...(e.HUBSPOT_CLIENT_ID ? { clientId: e.HUBSPOT_CLIENT_ID } : {}),
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      publicUrl: e.ROLECALL_PUBLIC_URL,
      ...(e.ROLECALL_TOKEN_KEY ? { tokenKey: e.ROLECALL_TOKEN_KEY } : {}),
      ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
      dbPath: e.ROLECALL_DB_PATH,
      port: e.PORT,
      host: e.HOST,
      ...(e.ROLECALL_PLAYBOOK ? { playbookPath: e.ROLECALL_PLAYBOOK } : {}),
      ...(e.HUBSPOT_BASE_URL ? { hubspotBaseUrl: e.HUBSPOT_BASE_URL.replace(/\/+$/, '') } : {}),
      ...(e.HUBSPOT_APP_ID ? { appId: e.HUBSPOT_APP_ID } : {}),
      ...(e.ROLECALL_RATE_LIMIT ? { ratePerTenSeconds: e.ROLECALL_RATE_LIMIT } : {}),
      ...(e.ROLECALL_WORKER_CONCURRENCY ? { workerConcurrency: e.ROLECALL_WORKER_CONCURRENCY } : {}),
      ...(e.ROLECALL_LEASE_SECONDS ? { leaseMs: e.ROLECALL_LEASE_SECONDS * 1000 } : {}),
      ...(e.ROLECALL_METRICS_TOKEN ? { metricsToken: e.ROLECALL_METRICS_TOKEN } : {}),
    },
  };
}

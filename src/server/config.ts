import { z } from 'zod';

/** Environment variables of `rolecall serve`, each with the fix to name when it is wrong. */
const EnvSchema = z.object({
  HUBSPOT_ACCESS_TOKEN: z
    .string({ error: 'is not set; copy the app access token from HubSpot (Development → your app → Auth)' })
    .trim()
    .min(10, "looks too short to be an access token; copy it again from the app's Auth tab"),
  HUBSPOT_CLIENT_SECRET: z
    .string({ error: 'is not set; copy the client secret from HubSpot (Development → your app → Auth)' })
    .trim()
    .min(8, "looks too short to be a client secret; copy it again from the app's Auth tab"),
  ROLECALL_PUBLIC_URL: z
    .string({ error: 'is not set; set it to the https URL HubSpot calls, e.g. https://rolecall.example.com' })
    .trim()
    .pipe(z.url({ error: 'is not a URL; use e.g. https://rolecall.example.com' }))
    .refine((url) => /^https?:\/\//.test(url), 'must start with https:// (http:// only for local tests)')
    .transform((url) => url.replace(/\/+$/, '')),
  ROLECALL_DB_PATH: z.string().trim().min(1).default('rolecall.db'),
  PORT: z.coerce
    .number({ error: 'must be a port number, e.g. 8080' })
    .int('must be a whole number, e.g. 8080')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  ROLECALL_PLAYBOOK: z.string().trim().optional(),
  HUBSPOT_BASE_URL: z
    .url({ error: 'is not a URL; leave it unset for HubSpot, or point it at a sandbox' })
    .optional(),
  HUBSPOT_APP_ID: z.string().trim().regex(/^\d+$/, 'must be the numeric app id').optional(),
});

export interface ServerConfig {
  accessToken: string;
  clientSecret: string;
  publicUrl: string;
  dbPath: string;
  port: number;
  host: string;
  playbookPath?: string;
  hubspotBaseUrl?: string;
  /** Our own app id: webhook events caused by our writes (sourceId = app id) are ignored. */
  appId?: string;
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; errors: string[] };

/** Reads and checks the environment once at start; every problem is reported, never the value of a secret. */
export function loadServerConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const errors = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'environment'} ${issue.message}`,
    );
    return { ok: false, errors };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      accessToken: e.HUBSPOT_ACCESS_TOKEN,
      clientSecret: e.HUBSPOT_CLIENT_SECRET,
      publicUrl: e.ROLECALL_PUBLIC_URL,
      dbPath: e.ROLECALL_DB_PATH,
      port: e.PORT,
      host: e.HOST,
      ...(e.ROLECALL_PLAYBOOK ? { playbookPath: e.ROLECALL_PLAYBOOK } : {}),
      ...(e.HUBSPOT_BASE_URL ? { hubspotBaseUrl: e.HUBSPOT_BASE_URL } : {}),
      ...(e.HUBSPOT_APP_ID ? { appId: e.HUBSPOT_APP_ID } : {}),
    },
  };
}

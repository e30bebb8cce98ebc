import { signV3 } from '../server/signature.ts';
import { CliError, UsageError } from './errors.ts';

/**
 * The rolecall backend (`rolecall serve`) as the CLI reaches it: the same /api routes the settings page
 * calls, signed v3 with the app's client secret the way HubSpot signs hubspot.fetch requests.
 */
export interface BackendFlags {
  server?: string;
  portal?: string;
}

export interface Backend {
  server: string;
  secret: string;
}

/** The backend named by `--server` or ROLECALL_PUBLIC_URL, or null when neither names one. */
export function namedBackend(flags: BackendFlags, env: NodeJS.ProcessEnv): Backend | null {
  const server = (flags.server ?? env.ROLECALL_PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (!server) return null;
  const secret = env.HUBSPOT_CLIENT_SECRET ?? '';
  if (!secret)
    throw new UsageError(
      `Set HUBSPOT_CLIENT_SECRET (the app's client secret) to sign requests to ${server}, or give --playbook FILE.`,
    );
  return { server, secret };
}

/** `--portal <id>` checked: a HubSpot account id. */
export function portalFlag(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d{1,18}$/.test(raw))
    throw new UsageError(`--portal ${raw} is not a HubSpot account id; use digits, e.g. --portal 12345678.`);
  return Number(raw);
}

/** One signed request to the backend for a portal; the reply's status and text (never throws on a status). */
export async function callBackend(
  backend: Backend,
  portal: number,
  method: 'GET' | 'PUT',
  route: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const path = `${route}?portalId=${portal}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = Date.now();
  let response: Response;
  try {
    response = await fetch(`${backend.server}${path}`, {
      method,
      headers: {
        'x-hubspot-signature-v3': signV3(backend.secret, method, `${backend.server}${path}`, raw, timestamp),
        'x-hubspot-request-timestamp': String(timestamp),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: raw }),
    });
  } catch (error) {
    throw new CliError(
      `${backend.server} did not answer (${(error as Error).message}); check --server (or ROLECALL_PUBLIC_URL) and that rolecall serve runs.`,
    );
  }
  return { status: response.status, text: await response.text() };
}

import { readFile, writeFile } from 'node:fs/promises';
import { loadPlaybookText } from '../../playbook/load.ts';
import { signV3 } from '../../server/signature.ts';
import { CliError, UsageError } from '../errors.ts';

/**
 * `rolecall playbook pull|push FILE`: moves a playbook between a file (reviewed in git) and a portal, through
 * the backend's /api/playbook routes, signed with the app's client secret as HubSpot signs hubspot.fetch.
 */
export interface RemoteOptions {
  server?: string;
  portal?: string;
}

function target(options: RemoteOptions, env: NodeJS.ProcessEnv) {
  const server = (options.server ?? env.ROLECALL_PUBLIC_URL ?? '').replace(/\/+$/, '');
  const secret = env.HUBSPOT_CLIENT_SECRET ?? '';
  if (!server) throw new UsageError('Name the backend with --server https://… (or set ROLECALL_PUBLIC_URL).');
  if (!secret)
    throw new UsageError("Set HUBSPOT_CLIENT_SECRET (the app's client secret) to sign the request.");
  if (!options.portal || !/^\d{1,18}$/.test(options.portal))
    throw new UsageError('Name the portal with --portal <HubSpot account id>, e.g. --portal 12345678.');
  return { server, secret, portal: options.portal };
}

async function call(
  options: RemoteOptions,
  env: NodeJS.ProcessEnv,
  method: 'GET' | 'PUT',
  route: string,
  body?: unknown,
) {
  const { server, secret, portal } = target(options, env);
  const path = `${route}?portalId=${portal}`;
  const raw = body === undefined ? '' : JSON.stringify(body);
  const timestamp = Date.now();
  let response: Response;
  try {
    response = await fetch(`${server}${path}`, {
      method,
      headers: {
        'x-hubspot-signature-v3': signV3(secret, method, `${server}${path}`, raw, timestamp),
        'x-hubspot-request-timestamp': String(timestamp),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: raw }),
    });
  } catch (error) {
    throw new CliError(
      `${server} did not answer (${(error as Error).message}); check --server and that rolecall serve runs.`,
    );
  }
  return { status: response.status, text: await response.text() };
}

/** Writes the portal's current playbook to FILE as YAML. */
export async function playbookPull(file: string, options: RemoteOptions, env = process.env): Promise<void> {
  const reply = await call(options, env, 'GET', '/api/playbook/export');
  if (reply.status !== 200)
    throw new CliError(`The backend answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  await writeFile(file, reply.text);
  process.stdout.write(`✔ wrote portal ${options.portal}'s current playbook to ${file}\n`);
}

/** Checks FILE locally, then saves it as the portal's newest version (the backend checks it again). */
export async function playbookPush(file: string, options: RemoteOptions, env = process.env): Promise<void> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(`${file} cannot be read: ${error.message}`);
  });
  const local = loadPlaybookText(text, file);
  if (!local.value) {
    throw new CliError(
      `${file} is not a valid playbook; nothing was sent:\n${local.errors.map((e) => `  ✖ ${e.text}`).join('\n')}`,
    );
  }
  const reply = await call(options, env, 'PUT', '/api/playbook', { yaml: text });
  if (reply.status !== 200)
    throw new CliError(`The backend refused it (${reply.status}): ${reply.text.slice(0, 500)}`);
  const { version } = JSON.parse(reply.text) as { version: number };
  process.stdout.write(`✔ ${file} is now version ${version} of portal ${options.portal}'s playbook\n`);
}

import { readFile, writeFile } from 'node:fs/promises';
import { loadPlaybookText } from '../../playbook/load.ts';
import { type BackendFlags, callBackend, namedBackend, portalFlag } from '../backend.ts';
import { CliError, UsageError } from '../errors.ts';

/**
 * `rolecall playbook pull|push FILE`: moves a playbook between a file (reviewed in git) and a portal, through
 * the backend's /api/playbook routes, signed with the app's client secret as HubSpot signs hubspot.fetch.
 */
export type RemoteOptions = BackendFlags;

function target(options: RemoteOptions, env: NodeJS.ProcessEnv) {
  const backend = namedBackend(options, env);
  if (!backend)
    throw new UsageError('Name the backend with --server https://… (or set ROLECALL_PUBLIC_URL).');
  const portal = portalFlag(options.portal);
  if (portal === null)
    throw new UsageError('Name the portal with --portal <HubSpot account id>, e.g. --portal 12345678.');
  return { backend, portal };
}

/** Writes the portal's current playbook to FILE as YAML. */
export async function playbookPull(file: string, options: RemoteOptions, env = process.env): Promise<void> {
  const { backend, portal } = target(options, env);
  const reply = await callBackend(backend, portal, 'GET', '/api/playbook/export');
  if (reply.status !== 200)
    throw new CliError(`The backend answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  await writeFile(file, reply.text);
  process.stdout.write(`✔ wrote portal ${portal}'s current playbook to ${file}\n`);
}

/** Checks FILE locally, then saves it as the portal's newest version (the backend checks it again). */
export async function playbookPush(file: string, options: RemoteOptions, env = process.env): Promise<void> {
  const { backend, portal } = target(options, env);
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new CliError(`${file} cannot be read: ${error.message}`);
  });
  const local = loadPlaybookText(text, file);
  if (!local.value) {
    throw new CliError(
      `${file} is not a valid playbook; nothing was sent:\n${local.errors.map((e) => `  ✖ ${e.text}`).join('\n')}`,
    );
  }
  const reply = await callBackend(backend, portal, 'PUT', '/api/playbook', { yaml: text });
  if (reply.status !== 200)
    throw new CliError(`The backend refused it (${reply.status}): ${reply.text.slice(0, 500)}`);
  const { version } = JSON.parse(reply.text) as { version: number };
  process.stdout.write(`✔ ${file} is now version ${version} of portal ${portal}'s playbook\n`);
}

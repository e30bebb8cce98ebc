import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { type Connection, connectPortal } from '../hubspot/connect.ts';
import type { TransportOptions } from '../hubspot/transport.ts';
import { describePlaybookSource, type PlaybookSource } from '../playbook/source.ts';
import { openSession, type Session } from '../tag/session.ts';
import { type BackendFlags, namedBackend, portalFlag } from './backend.ts';
import { CliError, UsageError } from './errors.ts';
import { environmentHelp, type Variable } from './help.ts';
import { loadPlaybookForCli } from './options.ts';
import { fetchPortalPlaybook } from './portal-playbook.ts';

/** Sample contacts seeded into a new `--sandbox`. */
export const SANDBOX_CONTACTS = 3000;

export interface PortalFlags {
  sandbox?: boolean;
  baseUrl?: string;
  db: string;
}

/** The flags that choose where a command reads and writes: a portal (by token) or `--sandbox`. */
export function addPortalOptions(command: Command): Command {
  return command
    .option('--sandbox', 'use a local sandbox with sample contacts instead of a portal (no token needed)')
    .addOption(
      new Option('--base-url <url>', 'HubSpot API base URL, e.g. a "rolecall sandbox" URL').conflicts(
        'sandbox',
      ),
    );
}

/** The help of a command that works on a portal; `backend` when it also reads the portal's saved playbook. */
export function portalHelp(examples: readonly string[], options: { backend?: boolean } = {}): string {
  const backend: Variable[] = options.backend ? ['ROLECALL_PUBLIC_URL', 'HUBSPOT_CLIENT_SECRET'] : [];
  return environmentHelp(['HUBSPOT_ACCESS_TOKEN', ...backend], examples);
}

/**
 * Chooses, explicitly, where a command writes: the portal of HUBSPOT_ACCESS_TOKEN, or a local sandbox
 * with `--sandbox` (saved next to the audit log so `tag` then `undo` see one portal). Neither: exit 2.
 */
export async function openPortal(
  command: string,
  flags: PortalFlags,
  transport: TransportOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  if (flags.sandbox) return openLocalSandbox(join(dirname(flags.db), 'sandbox.json'), transport);
  const token = env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (token)
    return connectPortal({
      ...transport,
      accessToken: token,
      ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    });
  if (flags.baseUrl) {
    throw new UsageError(
      `--base-url ${flags.baseUrl} needs a token: set HUBSPOT_ACCESS_TOKEN (rolecall sandbox prints one), or use --sandbox instead of --base-url.`,
    );
  }
  throw new UsageError(
    `rolecall ${command} writes to a HubSpot portal and HUBSPOT_ACCESS_TOKEN is not set. Run "export HUBSPOT_ACCESS_TOKEN=pat-…" (your app's access token or a service key), or add --sandbox to try it on local sample data.`,
  );
}

async function openLocalSandbox(file: string, transport: TransportOptions): Promise<Connection> {
  // Loaded only here: a run against a portal never loads the sandbox.
  const { startSandbox } = await import('../sandbox/index.ts');
  const reuse = existsSync(file);
  const sandbox = await startSandbox(reuse ? { dataFile: file } : { seed: 1, contacts: SANDBOX_CONTACTS });
  const connection = connectPortal({ ...transport, accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
  return {
    gateway: connection.gateway,
    target: `sandbox:${file}`,
    note: reuse
      ? `--sandbox: the local sandbox saved in ${file}; nothing is written to HubSpot.`
      : `--sandbox: a local sandbox with ${SANDBOX_CONTACTS} sample contacts (seed 1), saved to ${file}; nothing is written to HubSpot.`,
    close: async () => {
      await sandbox.save(file);
      await sandbox.close();
    },
  };
}

/** `--server` and `--portal`: where a command reads the portal's saved playbook (the backend's current version). */
export function addBackendOptions(command: Command): Command {
  return command
    .option(
      '--server <url>',
      "rolecall backend to read the portal's playbook from (default: ROLECALL_PUBLIC_URL)",
    )
    .option('--portal <id>', "the portal's HubSpot account id (default: the token's account)");
}

export interface SessionFlags extends PortalFlags, BackendFlags {
  playbook?: string;
  json?: boolean;
}

/**
 * What a command that talks to HubSpot opens first: its playbook (warnings shown, a broken file stops
 * here, before anything connects), then the portal or `--sandbox`, then the audit log. With
 * `portalPlaybook` and no `--playbook FILE`, a named backend (`--server`, or ROLECALL_PUBLIC_URL without
 * `--sandbox`) gives the portal's current saved playbook. Which playbook is used goes to stderr; the
 * sandbox line too, unless `--json`.
 */
export async function openCommandSession(
  command: string,
  flags: SessionFlags,
  options: { portalPlaybook?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<Session> {
  const env = options.env ?? process.env;
  const playbook = flags.playbook ? await loadPlaybookForCli(flags.playbook) : undefined;
  const backend =
    options.portalPlaybook && !flags.playbook
      ? namedBackend({ ...flags, ...(flags.sandbox && !flags.server ? { server: '' } : {}) }, env)
      : null;
  const portal = portalFlag(flags.portal);
  if (portal !== null && !backend && options.portalPlaybook && !flags.playbook)
    throw new UsageError(
      '--portal names whose saved playbook to use; name the backend too with --server https://… (or ROLECALL_PUBLIC_URL).',
    );
  const session = await openSession({
    db: flags.db,
    ...(playbook ? { playbook } : {}),
    connect: () =>
      openPortal(command, flags, { onRetry: (message) => process.stderr.write(`⟳ ${message}\n`) }),
  });
  let source: PlaybookSource = flags.playbook ? { kind: 'file', path: flags.playbook } : { kind: 'built-in' };
  try {
    if (backend) {
      const account = await session.connection.gateway.accountDetails();
      const tokenPortal = account.ok ? account.value.portalId : null;
      if (portal !== null && tokenPortal !== null && portal !== tokenPortal)
        throw new UsageError(
          `--portal ${portal} but HUBSPOT_ACCESS_TOKEN belongs to portal ${tokenPortal}; one portal never gets another's playbook. Drop --portal or use that portal's token.`,
        );
      const which = portal ?? tokenPortal;
      if (which === null)
        throw new CliError(
          `Could not read which portal the token belongs to (${account.ok ? '' : account.error.message}); give --portal <id>.`,
        );
      const fetched = await fetchPortalPlaybook(backend, which);
      if (fetched.warnings.length > 0)
        process.stderr.write(`${fetched.warnings.map((w) => `  ⚠ ${w}`).join('\n')}\n`);
      session.playbook = fetched.playbook;
      source = fetched.source;
    }
  } catch (error) {
    await session.close();
    throw error;
  }
  session.playbookSource = source;
  if (session.connection.note && !flags.json) process.stderr.write(`${session.connection.note}\n`);
  if (options.portalPlaybook) process.stderr.write(`playbook: ${describePlaybookSource(source)}\n`);
  return session;
}

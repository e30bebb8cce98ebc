import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { type Connection, connect } from '../hubspot/connect.ts';
import type { TransportOptions } from '../hubspot/transport.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { loadPlaybookFile } from '../playbook/load-file.ts';
import type { Playbook } from '../playbook/schema.ts';
import { AuditDb, DEFAULT_DB_PATH } from './audit-db.ts';

export interface SessionOptions {
  db?: string;
  baseUrl?: string;
  playbook?: string;
  /** Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  sandboxContacts?: number;
  transport?: TransportOptions;
}

export interface Session {
  db: AuditDb;
  connection: Connection;
  playbook: Playbook;
  close(): Promise<void>;
}

export type SessionResult = { ok: true; session: Session } | { ok: false; message: string };

/** Loads the playbook (the default unless `--playbook`), or returns every error in one message. */
export async function resolvePlaybook(
  path: string | undefined,
): Promise<{ ok: true; playbook: Playbook } | { ok: false; message: string }> {
  if (!path) return { ok: true, playbook: defaultPlaybook };
  const loaded = await loadPlaybookFile(path);
  if (!loaded.value) {
    return {
      ok: false,
      message: `The playbook has errors:\n${loaded.errors.map((issue) => `  ${issue.text}`).join('\n')}\nFix them, then run "rolecall playbook check ${path}".`,
    };
  }
  return { ok: true, playbook: loaded.value };
}

/** Opens what every HubSpot command needs: the audit DB, a connection, and the playbook. */
export async function openSession(options: SessionOptions): Promise<SessionResult> {
  const playbook = await resolvePlaybook(options.playbook);
  if (!playbook.ok) return playbook;
  const dbPath = options.db ?? DEFAULT_DB_PATH;
  const env = options.env ?? process.env;
  const connected = await connect({
    ...options.transport,
    ...(env.HUBSPOT_ACCESS_TOKEN ? { accessToken: env.HUBSPOT_ACCESS_TOKEN } : {}),
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    sandboxFile: join(dirname(dbPath), 'sandbox.json'),
    ...(options.sandboxContacts ? { sandboxContacts: options.sandboxContacts } : {}),
  });
  if (!connected.ok) return connected;
  const db = new AuditDb(dbPath);
  return {
    ok: true,
    session: {
      db,
      connection: connected.connection,
      playbook: playbook.playbook,
      close: async () => {
        await connected.connection.close();
        db.close();
      },
    },
  };
}

/** A run id people can read and sort: UTC time plus a short random suffix. */
export function newRunId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${randomBytes(2).toString('hex')}`;
}

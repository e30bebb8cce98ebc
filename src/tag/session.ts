import { randomBytes } from 'node:crypto';
import type { Connection } from '../hubspot/connect.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { loadPlaybookFile } from '../playbook/load-file.ts';
import type { Playbook } from '../playbook/schema.ts';
import { AuditDb, DEFAULT_DB_PATH } from './audit-db.ts';

export interface SessionOptions {
  db?: string;
  playbook?: string;
  /** Opens the portal (or sandbox) the caller chose; called after the playbook loaded. */
  connect: () => Promise<Connection>;
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
  if (loaded.unreadable) return { ok: false, message: loaded.unreadable };
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
  const connection = await options.connect();
  const db = new AuditDb(options.db ?? DEFAULT_DB_PATH);
  return {
    ok: true,
    session: {
      db,
      connection,
      playbook: playbook.playbook,
      close: async () => {
        await connection.close();
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

import { randomBytes } from 'node:crypto';
import type { Connection } from '../hubspot/connect.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { PlaybookSource } from '../playbook/source.ts';
import { AuditDb, DEFAULT_DB_PATH } from './audit-db.ts';

export interface SessionOptions {
  db?: string;
  /** Already loaded (and its warnings shown) by the caller; the built-in playbook when absent. */
  playbook?: Playbook;
  /** Opens the portal (or sandbox) the caller chose. */
  connect: () => Promise<Connection>;
}

export interface Session {
  db: AuditDb;
  connection: Connection;
  playbook: Playbook;
  /** Where the playbook came from (file, built-in, or a portal's saved version); recorded in tag runs. */
  playbookSource?: PlaybookSource;
  close(): Promise<void>;
}

/** Opens what every HubSpot command needs: a connection, the audit DB, and the playbook. */
export async function openSession(options: SessionOptions): Promise<Session> {
  const connection = await options.connect();
  const db = new AuditDb(options.db ?? DEFAULT_DB_PATH);
  return {
    db,
    connection,
    playbook: options.playbook ?? defaultPlaybook,
    close: async () => {
      await connection.close();
      db.close();
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

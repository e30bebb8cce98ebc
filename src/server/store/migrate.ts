import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedFile } from '../../package-root.ts';
import type { Db } from './db.ts';

const DIR = shippedFile('src/server/store/migrations');
/** Any constant: the advisory lock that makes concurrent `rolecall migrate` runs (release phase + boot) take turns. */
const MIGRATION_LOCK = 7_102_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `migrations/NNN_name.sql`, in version order; a gap or a duplicate number is a packaging bug. */
export function listMigrations(dir = DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return files.map((file, index) => {
    const version = Number(file.slice(0, 3));
    if (version !== index + 1) throw new Error(`migration ${file}: expected number ${index + 1}`);
    return { version, name: file.slice(4, -4), sql: readFileSync(join(dir, file), 'utf8') };
  });
}

/** Splits a migration into statements (no semicolons inside statements in our files). */
const statements = (sql: string) =>
  sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);

export interface MigrateResult {
  applied: Migration[];
  current: number;
}

/**
 * Applies the migrations the database has not seen, in one transaction with their version rows,
 * under an advisory lock so two processes never apply one twice. Safe to run at every start.
 */
export async function migrate(db: Db, migrations = listMigrations()): Promise<MigrateResult> {
  return db.tx(async (q) => {
    await q.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`,
    );
    const done = new Set(
      (await q.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const known = Math.max(0, ...migrations.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new Error(
        `the database is at schema version ${newest}, newer than this rolecall (${known}); deploy the newer rolecall.`,
      );
    }
    const applied: Migration[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      for (const statement of statements(migration.sql)) await q.run(statement);
      await q.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
      applied.push(migration);
    }
    return { applied, current: Math.max(newest, ...applied.map((m) => m.version)) };
  }, MIGRATION_LOCK);
}

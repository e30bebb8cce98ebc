/**
 * The server's database, behind one small interface so every store module writes each query once.
 *
 * With `DATABASE_URL` it is PostgreSQL (any number of `rolecall serve` processes share it); without it, the
 * embedded SQLite file that `npm start` and a single self-hosted instance use. Queries are written in the
 * SQL both engines speak ($1 placeholders, ON CONFLICT, RETURNING, BIGINT epoch milliseconds, TEXT); the
 * few words that differ are in `Dialect`, not in copies of the queries.
 */
export interface Queryable {
  /** Runs one statement with `$1…$n` parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows changed by one write statement. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

export interface Dialect {
  engine: 'postgres' | 'sqlite';
  /** Row locks that other transactions skip (Postgres); SQLite serialises writers, so it is empty. */
  skipLocked: string;
  /** The database clock in epoch ms: one clock for every instance sharing a Postgres database. */
  nowMs: string;
}

export interface Db extends Queryable {
  readonly dialect: Dialect;
  /** Runs `work` in one transaction; `lockKey` serialises it against others holding the same key. */
  tx<T>(work: (q: Queryable) => Promise<T>, lockKey?: number): Promise<T>;
  /** Where the data lives, without credentials (for logs and /healthz). */
  readonly where: string;
  close(): Promise<void>;
}

export interface DbConfig {
  /** postgres://…; when set, the embedded file is not used. */
  databaseUrl?: string;
  /** The embedded SQLite file (`:memory:` in tests). */
  dbPath?: string;
  /** Postgres pool size per process. */
  poolSize?: number;
}

/** Opens Postgres when a URL is given, else the embedded file. Does not migrate: call `migrate(db)`. */
export async function openDb(config: DbConfig): Promise<Db> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./pg-db.ts');
    return openPostgres(config.databaseUrl, config.poolSize);
  }
  const { openSqlite } = await import('./sqlite-db.ts');
  return openSqlite(config.dbPath ?? 'rolecall.db');
}

/** A URL with its password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

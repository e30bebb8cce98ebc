import Database from 'better-sqlite3';
import type { Db, Queryable } from './db.ts';

/** `$1, $2, $1` → `?, ?, ?` with the parameters in the order they appear. */
export function toSqlite(sql: string, params: readonly unknown[]): { sql: string; params: unknown[] } {
  const ordered: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    ordered.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, params: ordered.map((v) => (typeof v === 'boolean' ? Number(v) : v)) };
}

/**
 * The embedded database of a single instance. better-sqlite3 is synchronous, so a transaction that awaits
 * between statements holds a promise lock: nothing else runs on the connection until it commits.
 */
export function openSqlite(path: string): Db {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged webhook must survive a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  let lock: Promise<unknown> = Promise.resolve();
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: Queryable = {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const q = toSqlite(sql, params);
      const statement = prepare(q.sql);
      if (!statement.reader) {
        statement.run(...q.params);
        return [] as T[];
      }
      return statement.all(...q.params) as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      const q = toSqlite(sql, params);
      return prepare(q.sql).run(...q.params).changes;
    },
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = lock.then(work, work);
    lock = next.catch(() => {});
    return next;
  };
  return {
    query: (sql, params) => serial(() => direct.query(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    dialect: { engine: 'sqlite', skipLocked: '', nowMs: "CAST(unixepoch('subsec') * 1000 AS INTEGER)" },
    where: path,
    tx: (work) =>
      serial(async () => {
        sqlite.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          sqlite.exec('COMMIT');
          return result;
        } catch (error) {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
          throw error;
        }
      }),
    close: async () => {
      await lock;
      if (sqlite.open) sqlite.close();
    },
  };
}

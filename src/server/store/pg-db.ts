import pg from 'pg';
import { type Db, type Queryable, redactUrl } from './db.ts';

// BIGINT (int8) columns hold epoch milliseconds and HubSpot ids: both fit a JS number exactly.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query({ text: sql, values: [...params], types });
      return result.rows as T[];
    },
    async run(sql: string, params: readonly unknown[] = []) {
      const result = await client.query({ text: sql, values: [...params], types });
      return result.rowCount ?? 0;
    },
  };
}

/** A pool on `DATABASE_URL`. Heroku Postgres needs TLS without a CA bundle: `sslmode=no-verify` in the URL, or PGSSLMODE. */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const base = queryable(pool);
  return {
    ...base,
    dialect: {
      engine: 'postgres',
      skipLocked: 'FOR UPDATE SKIP LOCKED',
      nowMs: '(EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::BIGINT',
    },
    where: redactUrl(url),
    async tx(work, lockKey) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        if (lockKey !== undefined) await client.query('SELECT pg_advisory_xact_lock($1)', [lockKey]);
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

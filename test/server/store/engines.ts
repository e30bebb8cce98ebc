import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Db, openDb } from '../../../src/server/store/db.ts';
import { migrate } from '../../../src/server/store/migrate.ts';

/** The Postgres server tests run against: `.ci/run` starts one and exports TEST_DATABASE_URL. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

if (!POSTGRES_URL) {
  if (process.env.CI) {
    throw new Error(
      'CI must run the PostgreSQL tests: .ci/run exports TEST_DATABASE_URL after starting a cluster.',
    );
  }
  console.warn(
    'PostgreSQL tests SKIPPED: set TEST_DATABASE_URL=postgres://… (bash .ci/run starts a throwaway cluster) to run them.',
  );
}

/** A new empty database on the test server, dropped by `drop()`: tests never share state. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rolecall_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface Engine {
  name: 'sqlite' | 'postgres';
  /** A migrated, empty database and how to throw it away. */
  open(): Promise<{ db: Db; url?: string; dispose(): Promise<void> }>;
}

export const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    async open() {
      const db = await openDb({ dbPath: ':memory:' });
      await migrate(db);
      return { db, dispose: () => db.close() };
    },
  },
  ...(POSTGRES_URL
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const fresh = await freshPostgres();
            const db = await openDb({ databaseUrl: fresh.url, poolSize: 4 });
            await migrate(db);
            return {
              db,
              url: fresh.url,
              async dispose() {
                await db.close();
                await fresh.drop();
              },
            };
          },
        },
      ]
    : []),
];

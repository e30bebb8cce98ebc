import type { Command } from 'commander';
import { openDb } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { CliError } from '../errors.ts';

/** Applies the server's database migrations: PostgreSQL at DATABASE_URL, else the embedded file. */
export async function runMigrate(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const dbPath = env.ROLECALL_DB_PATH?.trim() || 'rolecall.db';
  let db: Awaited<ReturnType<typeof openDb>>;
  try {
    db = await openDb(databaseUrl ? { databaseUrl, poolSize: 1 } : { dbPath });
  } catch (error) {
    throw new CliError(`rolecall migrate cannot open the database (${(error as Error).message}).`);
  }
  try {
    const result = await migrate(db);
    const names = result.applied.map((m) => `${m.version} ${m.name}`).join(', ');
    return result.applied.length
      ? `Applied ${result.applied.length} migration(s) to ${db.where}: ${names}. Schema version ${result.current}.`
      : `${db.where} is up to date (schema version ${result.current}).`;
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(
      `rolecall migrate failed on ${db.where}: ${message}\nCheck DATABASE_URL (or ROLECALL_DB_PATH) and that the database user may create tables.`,
    );
  } finally {
    await db.close();
  }
}

/** `rolecall migrate`: run by Heroku's release phase (Procfile) and safe to run by hand any time. */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Create or upgrade the server database: PostgreSQL at DATABASE_URL, else the embedded file at ROLECALL_DB_PATH. Safe to repeat.',
    )
    .action(async () => {
      process.stdout.write(`${await runMigrate()}\n`);
    });
}

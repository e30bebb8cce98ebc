import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runMigrate } from '../../../src/cli/commands/migrate.ts';
import { listMigrations } from '../../../src/server/store/migrate.ts';

it('rolecall migrate creates the embedded database, then reports it up to date', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'rolecall-migrate-')), 'server.db');
  const env = { ROLECALL_DB_PATH: path };
  const all = listMigrations();
  const newest = all.length;
  const applied = await runMigrate(env);
  expect(applied).toMatch(new RegExp(`^Applied ${newest} migration\\(s\\) to .*server\\.db: 1 init`));
  expect(applied).toMatch(new RegExp(`Schema version ${newest}\\.$`));
  expect(await runMigrate(env)).toMatch(new RegExp(`is up to date \\(schema version ${newest}\\)`));
});

it('names the database without its password when it cannot connect', async () => {
  await expect(runMigrate({ DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/x' })).rejects.toThrow(
    /postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x/,
  );
  await expect(runMigrate({ DATABASE_URL: 'postgres://u:hunter2@127.0.0.1:1/x' })).rejects.not.toThrow(
    /hunter2/,
  );
});

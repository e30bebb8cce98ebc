import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import type { RolecallServer } from '../../src/server/app.ts';
import { captureOutput, rolecall } from '../cli/run-cli.ts';
import { freePort, type Sandbox, SECRET, startPortal, startRolecall } from '../server/harness.ts';

/** The same playbook re-targeted at HR teams: a saved portal version that changes who is who. */
function hrPlaybook(): Record<string, unknown> {
  const data = structuredClone(defaultData) as { product: { userFunctions: string[] }; version: string };
  data.product.userFunctions = ['hr'];
  data.version = '2026.12-hr';
  return data;
}

const out = captureOutput();

describe('rolecall tag against a portal uses the portal saved playbook', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-portal-pb-'));
  const env = ['HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET', 'ROLECALL_PUBLIC_URL'] as const;
  const saved = env.map((name) => process.env[name]);
  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 300, seed: 21 });
    ({ server, url } = await startRolecall(sandbox, {
      listenPort: await freePort(),
      playbook: { playbook: defaultPlaybook, data: defaultData },
    }));
    process.env.HUBSPOT_ACCESS_TOKEN = sandbox.token;
    process.env.HUBSPOT_CLIENT_SECRET = SECRET;
    delete process.env.ROLECALL_PUBLIC_URL;
    const file = join(dir, 'pushed.json');
    writeFileSync(file, JSON.stringify(hrPlaybook()));
    const pushed = await rolecall(
      'playbook',
      'push',
      file,
      '--server',
      url,
      '--portal',
      String(sandbox.store.portalId),
    );
    expect(pushed).toBe(0);
  }, 60_000);
  afterAll(async () => {
    env.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    await server?.close();
    await sandbox?.close();
  });

  let runCount = 0;
  /** A dry run; its personas and roles by contact, from the audit log, and what it printed. */
  async function dryRun(...extra: string[]) {
    runCount += 1;
    const db = join(dir, `run-${runCount}.db`);
    out.clear();
    const code = await rolecall(
      'tag',
      '--dry-run',
      '--json',
      '--base-url',
      sandbox.baseUrl,
      '--db',
      db,
      ...extra,
    );
    const stdout = out.out;
    const stderr = out.err;
    const json = code === 0 ? (JSON.parse(stdout) as Record<string, unknown>) : null;
    const audit = new Database(db, { readonly: true, fileMustExist: true });
    const rows = audit.prepare('SELECT contact_id, persona, role FROM seen ORDER BY contact_id').all() as {
      contact_id: string;
      persona: string;
      role: string;
    }[];
    audit.close();
    return { code, stderr, json, db, outcome: rows.map((r) => `${r.contact_id}:${r.persona}:${r.role}`) };
  }

  it('reads the current version from the backend, says so, records it, and classifies with it', async () => {
    const builtIn = await dryRun();
    expect(builtIn.stderr).toContain('playbook: the built-in example playbook');
    const portal = await dryRun('--server', url);
    expect(portal.code).toBe(0);
    expect(portal.stderr).toContain(`portal ${sandbox.store.portalId}'s playbook version 1`);
    expect(portal.json?.playbook).toMatchObject({
      kind: 'portal',
      version: 1,
      portal: sandbox.store.portalId,
    });
    // The same content as a file gives the same outcome; the built-in one differs.
    const file = join(dir, 'hr.json');
    writeFileSync(file, JSON.stringify(hrPlaybook()));
    const fromFile = await dryRun('--playbook', file);
    expect(portal.outcome.length).toBeGreaterThan(0);
    expect(portal.outcome).toEqual(fromFile.outcome);
    expect(portal.outcome).not.toEqual(builtIn.outcome);

    out.clear();
    expect(await rolecall('runs', '--db', portal.db, '--json')).toBe(0);
    const [run] = JSON.parse(out.out) as { playbook: unknown }[];
    expect(run?.playbook).toMatchObject({ kind: 'portal', version: 1 });
    const report = readFileSync(String(portal.json?.reportPath), 'utf8');
    expect(report).toContain('playbook version 1');
  }, 120_000);

  it('--playbook FILE overrides the portal version, and ROLECALL_PUBLIC_URL names the backend too', async () => {
    const file = join(dir, 'file.json');
    writeFileSync(file, JSON.stringify(defaultData));
    const overridden = await dryRun('--server', url, '--playbook', file);
    expect(overridden.stderr).toContain(`playbook: the playbook file ${file}`);
    expect(overridden.json?.playbook).toEqual({ kind: 'file', path: file });
    process.env.ROLECALL_PUBLIC_URL = url;
    try {
      const viaEnv = await dryRun();
      expect(viaEnv.json?.playbook).toMatchObject({ kind: 'portal', version: 1 });
    } finally {
      delete process.env.ROLECALL_PUBLIC_URL;
    }
  }, 120_000);

  it("refuses another portal's playbook and a backend it cannot reach, naming the fix", async () => {
    out.clear();
    const other = await rolecall(
      'tag',
      '--dry-run',
      '--base-url',
      sandbox.baseUrl,
      '--db',
      join(dir, 'x.db'),
      '--server',
      url,
      '--portal',
      '999',
    );
    expect(other).toBe(2);
    expect(out.err).toContain(`belongs to portal ${sandbox.store.portalId}`);
    out.clear();
    const down = await rolecall(
      'tag',
      '--dry-run',
      '--base-url',
      sandbox.baseUrl,
      '--db',
      join(dir, 'y.db'),
      '--server',
      'http://127.0.0.1:9',
    );
    expect(down).toBe(1);
    expect(out.err).toContain('did not answer');
    out.clear();
    const wrongSecret = { ...process.env };
    process.env.HUBSPOT_CLIENT_SECRET = 'not-the-secret';
    try {
      const refused = await rolecall(
        'tag',
        '--dry-run',
        '--base-url',
        sandbox.baseUrl,
        '--db',
        join(dir, 'z.db'),
        '--server',
        url,
      );
      expect(refused).toBe(1);
      expect(out.err).toContain('--playbook FILE');
    } finally {
      process.env.HUBSPOT_CLIENT_SECRET = wrongSecret.HUBSPOT_CLIENT_SECRET;
    }
  }, 60_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import type { RolecallServer } from '../../src/server/app.ts';
import { freePort, type Sandbox, SECRET, startPortal, startRolecall } from '../server/harness.ts';
import { captureOutput } from './run-cli.ts';

describe('rolecall playbook pull|push moves a playbook between a file and a portal', () => {
  let sandbox: Sandbox;
  let server: RolecallServer;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-remote-'));
  beforeAll(async () => {
    sandbox = await startPortal({ contacts: 2 });
    ({ server, url } = await startRolecall(sandbox, {
      listenPort: await freePort(),
      playbook: { playbook: defaultPlaybook, data: defaultData },
    }));
    process.env.HUBSPOT_CLIENT_SECRET = SECRET;
  });
  afterAll(async () => {
    delete process.env.HUBSPOT_CLIENT_SECRET;
    vi.restoreAllMocks();
    await server?.close();
    await sandbox?.close();
  });
  const io = captureOutput();
  const run = async (...args: string[]) => {
    io.clear();
    const code = await main(['node', 'rolecall', 'playbook', ...args, '--server', url, '--portal', '42']);
    process.exitCode = undefined;
    return { code, out: io.out, err: io.err };
  };

  it('pushes a checked file as a new version and pulls it back', async () => {
    const data = structuredClone(defaultData) as Record<string, unknown>;
    data.version = '2026.12.5-git';
    const file = join(dir, 'team.yaml');
    writeFileSync(file, stringify(data));
    const pushed = await run('push', file);
    expect(pushed.code).toBe(0);
    expect(pushed.out).toContain('is now version 1');
    const pulled = join(dir, 'pulled.yaml');
    expect((await run('pull', pulled)).code).toBe(0);
    expect(parse(readFileSync(pulled, 'utf8')).version).toBe('2026.12.5-git');
  });

  it('sends nothing for an invalid file', async () => {
    const data = structuredClone(defaultData) as { personas: { id: string }[] };
    data.personas[0]!.id = 'Not An Id';
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, stringify(data));
    const pushed = await run('push', file);
    expect(pushed.code).toBe(1);
    expect(pushed.err).toContain('nothing was sent');
    expect((await server.store.playbooks.listVersions(42)).map((v) => v.version)).toEqual([1]);
  });
});

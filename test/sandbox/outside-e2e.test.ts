import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLECALL_BIN, spawnRolecall } from '../cli/spawn-cli.ts';

/**
 * The whole story driven from outside, as a user testing rolecall against `rolecall sandbox` would: only
 * processes and HTTP, nothing imported. Sandbox with --faults, person writes with X-Sandbox-Source,
 * `rolecall tag`, kill -9, `tag --resume`, `undo`; writes counted from GET /_sandbox/requests.
 */
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

function rolecall(args: string[], env: Record<string, string> = {}) {
  const spawned = spawnRolecall(args, env);
  children.push(spawned.child);
  return spawned;
}

interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  status: number;
  ids: string[];
}

describe('rolecall against a faulty sandbox, driven from outside over HTTP (issue 12)', () => {
  it('person writes survive; tag, kill -9, --resume writes each contact once; undo restores', async () => {
    const sandbox = spawn(
      process.execPath,
      [
        ROLECALL_BIN,
        'sandbox',
        '--contacts',
        '400',
        '--port',
        '0',
        '--seed',
        '5',
        '--rate',
        'none',
        '--faults',
        '5xx=0.05,reset=0.01,latency=15ms,burst429=0.005',
        '--json',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(sandbox);
    const [line] = await (async () => {
      for await (const first of createInterface({ input: sandbox.stdout! })) return [first];
      return [''];
    })();
    const { baseUrl, token } = JSON.parse(line ?? '{}') as { baseUrl: string; token: string };
    const env = { HUBSPOT_ACCESS_TOKEN: token };
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-outside-'));
    const common = ['--base-url', baseUrl, '--db', join(dir, 'rolecall.db')];
    const api = async (path: string, init: RequestInit = {}) => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const response = await fetch(`${baseUrl}${path}`, {
            ...init,
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              ...init.headers,
            },
          });
          if (response.status < 429 || attempt > 20) return response;
        } catch (error) {
          if (attempt > 20) throw error;
        }
      }
    };
    const log = async (): Promise<LoggedRequest[]> =>
      (
        (await (await fetch(`${baseUrl}/_sandbox/requests?since=0&limit=100000`)).json()) as {
          results: LoggedRequest[];
        }
      ).results;
    const updatesOk = (entries: LoggedRequest[]) =>
      entries.filter((e) => e.path.startsWith('/crm/v3/objects/contacts/batch/update') && e.status === 200);

    const setup = await rolecall(['setup', ...common, '--json'], env).done;
    expect(setup.code, setup.stderr).toBe(0);

    // People set the buying role of five contacts in HubSpot's UI.
    const people = ['1001', '1002', '1003', '1004', '1005'];
    const byPerson = await api('/crm/v3/objects/contacts/batch/update', {
      method: 'POST',
      headers: { 'x-sandbox-source': 'CRM_UI' },
      body: JSON.stringify({
        inputs: people.map((id) => ({ id, properties: { hs_buying_role: 'CHAMPION' } })),
      }),
    });
    expect(byPerson.status).toBe(200);
    const personSeq = (await log()).at(-1)?.seq ?? 0;

    const first = rolecall(['tag', ...common, '--chunk-size', '50', '--json'], env);
    const until = Date.now() + 60_000;
    while (updatesOk((await log()).filter((e) => e.seq > personSeq)).length < 2) {
      if (Date.now() > until || first.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.child.kill('SIGKILL');
    expect((await first.done).code).toBeNull();

    const resumed = await rolecall(['tag', '--resume', ...common, '--json'], env).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as { runId: string; status: string; processed: number };
    expect(summary).toMatchObject({ status: 'done', processed: 400 });

    // Counted from outside: each contact written at most once by the killed run and its resume.
    const tagWrites = updatesOk((await log()).filter((e) => e.seq > personSeq)).flatMap((e) => e.ids);
    const perContact = new Map<string, number>();
    for (const id of tagWrites) perContact.set(id, (perContact.get(id) ?? 0) + 1);
    expect(perContact.size).toBeGreaterThan(300);
    expect(Math.max(...perContact.values())).toBe(1);

    const roleOf = async (id: string) =>
      (
        (await (
          await api(`/crm/v3/objects/contacts/${id}?properties=hs_buying_role,rolecall_persona`)
        ).json()) as {
          properties: Record<string, string | null>;
        }
      ).properties;
    for (const id of people) expect((await roleOf(id)).hs_buying_role).toBe('CHAMPION');

    const undone = await rolecall(['undo', summary.runId, ...common, '--json'], env).done;
    expect(undone.code, undone.stderr).toBe(0);
    const undo = JSON.parse(undone.stdout) as { status: string; propertiesRestored: number };
    expect(undo.status).toBe('done');
    expect(undo.propertiesRestored).toBeGreaterThan(300);
    for (const id of people) expect((await roleOf(id)).hs_buying_role).toBe('CHAMPION');
    const sample = [...perContact.keys()].filter((id) => !people.includes(id)).slice(0, 5);
    for (const id of sample) expect((await roleOf(id)).rolecall_persona ?? '').toBe('');
    sandbox.kill('SIGTERM');
  }, 240_000);
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLECALL_PROPERTIES } from '../../src/hubspot/properties.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';
import { spawnRolecall } from '../cli/spawn-cli.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const rolecall = spawnRolecall;

async function waitFor(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const updates = (s: Sandbox) =>
  s.requestLog.filter((entry) => entry.path.includes('/contacts/batch/update') && entry.status === 200)
    .length;

function personaWritesPerContact(s: Sandbox): number[] {
  return s.store.contacts.records.map(
    (record) =>
      s.store
        .history('contacts', record.id, ROLECALL_PROPERTIES.persona)
        .filter((e) => e.sourceType === 'INTEGRATION').length,
  );
}

describe('the rolecall CLI against a sandbox over HTTP', () => {
  it('SIGKILL in the middle, then --resume: every contact tagged exactly once', async () => {
    sandbox = await startSandbox({ seed: 3, contacts: 600, rateLimit: false });
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-cli-'));
    const env = { HUBSPOT_ACCESS_TOKEN: sandbox.token };
    const common = ['--base-url', sandbox.baseUrl, '--db', join(dir, 'rolecall.db')];
    const setup = await rolecall(['setup', ...common, '--json'], env).done;
    expect(setup.code, setup.stderr).toBe(0);
    expect(JSON.parse(setup.stdout).applied).toBe(true);

    sandbox.faults.latencyMs = 150; // slow enough that the kill lands mid-run, even on a loaded CI machine
    const first = rolecall(['tag', ...common, '--chunk-size', '100', '--json'], env);
    await waitFor(() => updates(sandbox!) >= 2);
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.code).toBeNull();
    const before = personaWritesPerContact(sandbox);
    expect(before.filter((n) => n > 0).length).toBeGreaterThan(0);
    expect(before.filter((n) => n === 0).length).toBeGreaterThan(100);
    const dead = JSON.parse(
      (await rolecall(['runs', '--db', join(dir, 'rolecall.db'), '--json'], {}).done).stdout,
    );
    expect(dead[0]).toMatchObject({ kind: 'tag', status: 'interrupted' });
    expect(dead[0].startedAt).toMatch(/^\d{4}-/);

    sandbox.faults.latencyMs = 0;
    const resumed = await rolecall(['tag', ...common, '--resume', '--json'], env).done;
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.status).toBe('done');
    const after = personaWritesPerContact(sandbox);
    expect(Math.max(...after)).toBe(1);
    expect(after.filter((n) => n === 1).length).toBeGreaterThan(500);
    // The totals cover the whole run, not just the resumed session.
    expect(summary.processed).toBe(600);
    expect(summary.contactsWritten).toBe(after.filter((n) => n === 1).length);
    // Nothing lost: a fresh plan finds nothing left to write.
    const check = await rolecall(['tag', ...common, '--dry-run', '--json'], env).done;
    expect(JSON.parse(check.stdout).contactsChanged).toBe(0);
    // Contacts with values a person set are counted once over the whole run, as a fresh plan counts them.
    expect(summary.protectedContacts).toBe(JSON.parse(check.stdout).protectedContacts);

    const runs = JSON.parse(
      (await rolecall(['runs', '--db', join(dir, 'rolecall.db'), '--json'], {}).done).stdout,
    );
    const run = runs.find((entry: { id: string }) => entry.id === summary.runId);
    expect(run).toMatchObject({ status: 'done', kind: 'tag' });
    expect(run.writes.pending).toBe(0);
  }, 120_000); // five CLI processes: each start-up is slow on a loaded 2-core machine

  it('Ctrl-C stops after the current chunk with exit code 3 (work remains); a dry run writes nothing', async () => {
    sandbox = await startSandbox({ seed: 4, contacts: 500, rateLimit: false });
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-cli-'));
    const env = { HUBSPOT_ACCESS_TOKEN: sandbox.token };
    const common = ['--base-url', sandbox.baseUrl, '--db', join(dir, 'rolecall.db')];
    const early = await rolecall(['tag', ...common], env).done;
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Run "rolecall setup" first');
    expect((await rolecall(['setup', ...common], env).done).code).toBe(0);

    const dry = await rolecall(['tag', ...common, '--dry-run', '--plan', join(dir, 'plan'), '--json'], env)
      .done;
    expect(dry.code, dry.stderr).toBe(0);
    expect(updates(sandbox)).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    // One entry per changed contact, then one per deal whose labels or values would change.
    const contactEntries = plan.filter((entry: { contact?: unknown }) => entry.contact !== undefined);
    expect(contactEntries.length).toBe(JSON.parse(dry.stdout).contactsChanged);
    expect(plan.length - contactEntries.length).toBeGreaterThan(0);

    sandbox.faults.latencyMs = 150; // slow enough that the interrupt lands mid-run even on a loaded CI machine
    const run = rolecall(['tag', ...common, '--chunk-size', '100', '--json'], env);
    await waitFor(() => updates(sandbox!) >= 1);
    run.child.kill('SIGINT');
    const stopped = await run.done;
    expect(stopped.code).toBe(3);
    expect(JSON.parse(stopped.stdout).status).toBe('stopped');
    sandbox.faults.latencyMs = 0;
    const resumed = await rolecall(['tag', ...common, '--resume', '--json'], env).done;
    expect(resumed.code).toBe(0);
    expect(Math.max(...personaWritesPerContact(sandbox))).toBe(1);
  }, 120_000);

  it('offline: turns a contacts export into an import file, keeping manual rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-csv-'));
    const exportFile = join(dir, 'export.csv');
    writeFileSync(
      exportFile,
      [
        'Record ID,First Name,Job Title,Number of Employees,Set by (rolecall),Persona (rolecall)',
        '101,Ada,VP Sales,500,,',
        '102,Bo,"Chief Financial Officer",80,manual,finance_leader',
        '103,Cy,,,,',
      ].join('\n'),
    );
    const out = join(dir, 'import.csv');
    const result = await rolecall(['tag', '--csv', exportFile, '--out', out, '--json'], {}).done;
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ rows: 3, manual: 1 });
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]?.startsWith('Record ID,rolecall_persona')).toBe(true);
    const ids = lines.slice(1).map((line) => line.split(',')[0]);
    expect(ids).toContain('101');
    expect(ids).not.toContain('102');
  });
});

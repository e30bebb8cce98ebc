import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

const BIN = join(import.meta.dirname, '../../src/cli/rolecall.mjs');
const run = promisify(execFile);
let sandbox: Sandbox;
let db: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, contacts: 700, deals: 70, rateLimit: false });
  const setup = await setupPortal(
    createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl }),
    defaultPlaybook,
    false,
  );
  expect(setup.error).toBeUndefined();
  db = join(mkdtempSync(join(tmpdir(), 'rolecall-deals-cli-')), 'rolecall.db');
  // An open deal whose contacts were all taken off: it misses every role it needs.
  const empty = sandbox.store.deals.records.find((d) => d.props.hs_is_closed === 'false')!;
  for (const contactId of sandbox.store.graph.ids('deals', empty.id, 'contacts')) {
    sandbox.store.unlink('deals', empty.id, 'contacts', contactId);
  }
});
afterAll(async () => sandbox.close());

async function deals(...args: string[]): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await run(
    process.execPath,
    [BIN, 'deals', '--json', '--base-url', sandbox.baseUrl, '--db', db, ...args],
    {
      env: { ...process.env, HUBSPOT_ACCESS_TOKEN: sandbox.token },
    },
  );
  return stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('rolecall deals', () => {
  it('prints one object per open deal with the buying-group fields', async () => {
    const all = await deals();
    const open = sandbox.store.deals.records
      .filter((d) => d.props.hs_is_closed === 'false')
      .map((d) => String(d.id));
    expect(all.map((d) => d.id).sort()).toEqual(open.sort());
    for (const d of all) {
      for (const key of [
        'id',
        'name',
        'amount',
        'stage',
        'required',
        'filled',
        'missing',
        'engaged',
        'completeness',
        'singleThreaded',
      ])
        expect(d, key).toHaveProperty(key);
      const contacts = sandbox.store.graph.ids('deals', Number(d.id), 'contacts');
      expect((d.contacts as unknown[]).length).toBe(contacts.length);
      if (contacts.length === 0) expect(d.missing).toEqual(d.required);
    }
  }, 60_000);

  it('--missing economic_buyer lists exactly the deals without one', async () => {
    const all = await deals();
    const without = await deals('--missing', 'economic_buyer');
    const expected = all.filter((d) => (d.missing as string[]).includes('economic_buyer')).map((d) => d.id);
    expect(without.map((d) => d.id)).toEqual(expected);
    expect(without.length).toBeGreaterThan(0);
    for (const d of without) {
      const roles = (d.contacts as Array<{ role: string | null }>).map((c) => c.role);
      expect(roles).not.toContain('economic_buyer');
      expect(d.required).toContain('economic_buyer');
    }
    for (const d of all.filter((x) => !expected.includes(x.id))) {
      const roles = (d.contacts as Array<{ role: string | null }>).map((c) => c.role);
      if ((d.required as string[]).includes('economic_buyer')) expect(roles).toContain('economic_buyer');
    }
  }, 60_000);

  it('filters by pipeline and refuses an unknown role or pipeline with exit 2', async () => {
    const renewals = await deals('--pipeline', 'Renewals & Expansion');
    expect(renewals.length).toBeGreaterThan(0);
    for (const d of renewals) expect(d.kind).toBe('renewal');
    await expect(deals('--missing', 'cfo')).rejects.toMatchObject({ code: 2 });
    await expect(deals('--pipeline', 'nope')).rejects.toMatchObject({ code: 2 });
  }, 60_000);
});

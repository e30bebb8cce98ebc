import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/store/db.ts';
import { dealLabelStore } from '../../../src/server/store/deal-labels.ts';
import { listMigrations, migrate } from '../../../src/server/store/migrate.ts';
import { playbookStore } from '../../../src/server/store/playbooks.ts';
import { portalStore } from '../../../src/server/store/portals.ts';
import { tokenCipher } from '../../../src/server/store/token-crypto.ts';
import { ENGINES } from './engines.ts';

const KEY = 'a'.repeat(64);

describe.each(ENGINES)('store on $name', (engine) => {
  let db: Db;
  let dispose: () => Promise<void> = async () => {};
  afterEach(async () => dispose());
  const open = async () => {
    const opened = await engine.open();
    db = opened.db;
    dispose = opened.dispose;
    return db;
  };

  it('migrates once: a second run applies nothing and two at once do not collide', async () => {
    await open();
    const again = await Promise.all([migrate(db), migrate(db)]);
    expect(again.map((r) => r.applied.length)).toEqual([0, 0]);
    expect(again[0]?.current).toBe(listMigrations().length);
  });

  it('remembers the deal labels rolecall owns per portal; a removal disowns, the audit keeps both', async () => {
    await open();
    const labels = dealLabelStore(db, () => 1_000);
    await db.tx((q) =>
      labels.record(
        101,
        'run-1',
        [
          { kind: 'label_add', dealId: '9', contactId: '1001', typeId: 201 },
          { kind: 'label_add', dealId: '9', contactId: '1002', typeId: 203 },
          {
            kind: 'property',
            dealId: '9',
            property: 'rolecall_deal_completeness',
            before: null,
            after: '50',
          },
        ],
        q,
      ),
    );
    await labels.record(202, 'run-2', [{ kind: 'label_add', dealId: '9', contactId: '1003', typeId: 201 }]);
    expect([...(await labels.owned(101, ['9', '10']))].sort()).toEqual(['9:1001:201', '9:1002:203']);
    await labels.record(101, 'run-3', [
      { kind: 'label_remove', dealId: '9', contactId: '1001', typeId: 201 },
    ]);
    expect([...(await labels.owned(101, ['9']))]).toEqual(['9:1002:203']);
    expect([...(await labels.owned(202, ['9']))]).toEqual(['9:1003:201']);
    const trail = await labels.changes(101, '9');
    expect(trail.map((c) => [c.runId, c.kind])).toEqual([
      ['run-1', 'label_add'],
      ['run-1', 'label_add'],
      ['run-1', 'property'],
      ['run-3', 'label_remove'],
    ]);
  });

  it('keeps playbook versions per portal; one portal never sees another’s', async () => {
    await open();
    const playbooks = playbookStore(db);
    expect(await playbooks.getCurrent(101)).toBeNull();
    const first = await playbooks.saveVersion(101, 'personas: []\n# one', { format: 'yaml', savedBy: 'u1' });
    const [a, b] = await Promise.all([
      playbooks.saveVersion(101, '{"v":2}', { format: 'json' }),
      playbooks.saveVersion(101, '{"v":3}', { format: 'json' }),
    ]);
    expect(first.version).toBe(1);
    expect([a.version, b.version].sort()).toEqual([2, 3]);
    await playbooks.saveVersion(202, 'other: true', { format: 'yaml' });
    expect((await playbooks.getCurrent(101))?.version).toBe(3);
    expect((await playbooks.getVersion(101, 1))?.body).toBe('personas: []\n# one');
    expect((await playbooks.getVersion(101, 1))?.savedBy).toBe('u1');
    expect((await playbooks.listVersions(101)).map((v) => v.version)).toEqual([3, 2, 1]);
    expect((await playbooks.listVersions(202)).map((v) => v.body)).toEqual(['other: true']);
    expect(await playbooks.getVersion(202, 2)).toBeNull();
  });

  it('stores tokens encrypted, disconnects and resumes on re-install', async () => {
    await open();
    const portals = portalStore(db, tokenCipher(KEY));
    await portals.install({
      portalId: 555,
      accessToken: 'access-secret-1',
      refreshToken: 'refresh-secret-1',
      expiresAt: 1_000,
      scopes: ['oauth', 'crm.objects.contacts.read'],
    });
    const raw = await db.query<{ access_token: string; refresh_token: string }>(
      'SELECT access_token, refresh_token FROM portals WHERE portal_id = $1',
      [555],
    );
    expect(JSON.stringify(raw)).not.toContain('secret');
    expect((await portals.tokens(555))?.accessToken).toBe('access-secret-1');
    expect((await portals.get(555))?.scopes).toEqual(['oauth', 'crm.objects.contacts.read']);
    await portals.saveTokens(555, { accessToken: 'access-2', refreshToken: 'refresh-2', expiresAt: 2_000 });
    expect(await portals.tokens(555)).toEqual({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: 2_000,
    });
    expect(await portals.disconnect(555, 'invalid_grant')).toBe(true);
    expect(await portals.tokens(555)).toBeNull();
    expect((await portals.get(555))?.status).toBe('disconnected');
    await portals.install({
      portalId: 555,
      accessToken: 'a3',
      refreshToken: 'r3',
      expiresAt: 3_000,
      scopes: [],
    });
    expect((await portals.get(555))?.status).toBe('connected');
    // Another key cannot read the stored tokens.
    await expect(portalStore(db, tokenCipher('b'.repeat(64))).tokens(555)).rejects.toThrow(
      /ROLECALL_TOKEN_KEY/,
    );
  });
});

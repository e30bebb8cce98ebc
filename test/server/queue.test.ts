import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/store/db.ts';
import { portalStore } from '../../src/server/store/portals.ts';
import { type JobQueue, jobQueue } from '../../src/server/store/queue.ts';
import { tokenCipher } from '../../src/server/store/token-crypto.ts';
import { ENGINES } from './store/engines.ts';

describe.each(ENGINES)('the durable job queue on $name', (engine) => {
  let db: Db;
  let dispose: () => Promise<void> = async () => {};
  afterEach(async () => dispose());
  let now = 1_000;
  async function open(portals: number[] = [1]): Promise<JobQueue> {
    const opened = await engine.open();
    db = opened.db;
    dispose = opened.dispose;
    now = 1_000;
    const store = portalStore(db, tokenCipher('k'.repeat(64)));
    for (const id of portals) await store.ensureStatic(id);
    return jobQueue(db, () => now);
  }
  const lease = { contacts: 100, companies: 10, leaseMs: 60_000 };

  it('keeps one job per contact and drops repeated event ids, per portal', async () => {
    const queue = await open([1, 2]);
    const fresh = await queue.accept(1, [
      { eventId: '1', kind: 'contact', objectId: '7' },
      { eventId: '1', kind: 'contact', objectId: '7' },
      { eventId: '2', kind: 'contact', objectId: '7' },
      { eventId: '3', kind: 'contact', objectId: '8' },
    ]);
    expect(fresh).toBe(3);
    expect(await queue.counts()).toEqual({ pending: 2, inFlight: 0, done: 0, failed: 0 });
    expect(await queue.accept(1, [{ eventId: '3', kind: 'contact', objectId: '8' }])).toBe(0);
    // The same event id in another portal is another event.
    expect(await queue.accept(2, [{ eventId: '3', kind: 'contact', objectId: '8' }])).toBe(1);
    expect(await queue.counts(2)).toMatchObject({ pending: 1 });
  });

  it('runs a job again when an event arrives while it is in flight', async () => {
    const queue = await open();
    await queue.enqueue(1, 'contact', ['7']);
    expect((await queue.claim('a', lease))?.contacts.map((j) => j.objectId)).toEqual(['7']);
    await queue.enqueue(1, 'contact', ['7']);
    expect(await queue.complete('a', 1, 'contact', ['7'])).toBe(1);
    expect((await queue.counts()).pending).toBe(1);
    await queue.claim('a', lease);
    await queue.complete('a', 1, 'contact', ['7']);
    expect(await queue.counts()).toEqual({ pending: 0, inFlight: 0, done: 1, failed: 0 });
  });

  it('serves portals in turn, so one busy portal cannot starve the others', async () => {
    const queue = await open([1, 2, 3]);
    await queue.enqueue(
      1,
      'contact',
      Array.from({ length: 500 }, (_, i) => String(i + 1)),
    );
    await queue.enqueue(2, 'contact', ['1']);
    await queue.enqueue(3, 'contact', ['1']);
    const order: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      now += 1;
      const claim = await queue.claim('a', lease);
      order.push(claim?.portalId ?? -1);
    }
    expect(order.slice(0, 3).sort()).toEqual([1, 2, 3]);
    expect(order[3]).toBe(1);
  });

  it('gives a dead holder’s jobs to another worker only after its lease ran out; the holder cannot complete them then', async () => {
    const queue = await open();
    await queue.enqueue(1, 'contact', ['5', '6']);
    expect((await queue.claim('dead', { ...lease, leaseMs: 1_000 }))?.contacts).toHaveLength(2);
    expect(await queue.claim('b', lease)).toBeNull();
    now += 1_001;
    expect((await queue.claim('b', lease))?.contacts).toHaveLength(2);
    expect(await queue.complete('dead', 1, 'contact', ['5', '6'])).toBe(0);
    expect(await queue.complete('b', 1, 'contact', ['5', '6'])).toBe(2);
  });

  it('fences writes: hold() extends a live lease, and refuses once the lease ran out or was taken over', async () => {
    const queue = await open();
    await queue.enqueue(1, 'contact', ['5', '6']);
    await queue.claim('first', { ...lease, leaseMs: 1_000 });
    now += 900;
    // Still held: the fence passes and pushes the lease on, so nobody can take it meanwhile.
    expect(await queue.hold('first', 1, 'contact', ['5', '6'], 1_000)).toBe(2);
    now += 900;
    expect(await queue.claim('second', lease)).toBeNull();
    now += 101;
    // Expired, not yet taken: the fence says no (the write might overlap a new holder's).
    expect(await queue.hold('first', 1, 'contact', ['5', '6'], 1_000)).toBe(0);
    expect((await queue.claim('second', lease))?.contacts).toHaveLength(2);
    expect(await queue.hold('first', 1, 'contact', ['5'], 1_000)).toBe(0);
    expect(await queue.extend('first', 1, 1_000)).toBe(0);
    expect(await queue.hold('second', 1, 'contact', ['5', '6'], 1_000)).toBe(2);
    // Another claim of the same process is another lease.
    expect(await queue.hold('second.2', 1, 'contact', ['5'], 1_000)).toBe(0);
  });

  it('does not hand out the work of a disconnected portal until it is installed again', async () => {
    const queue = await open([1]);
    await queue.enqueue(1, 'contact', ['5']);
    await db.run(`UPDATE portals SET status = 'disconnected' WHERE portal_id = 1`);
    expect(await queue.claim('a', lease)).toBeNull();
    await db.run(`UPDATE portals SET status = 'connected' WHERE portal_id = 1`);
    expect((await queue.claim('a', lease))?.contacts).toHaveLength(1);
  });

  it('backs off, then gives up after the last attempt', async () => {
    const queue = await open();
    await queue.enqueue(1, 'contact', ['9']);
    await queue.claim('a', { ...lease, contacts: 1 });
    expect(await queue.retry('a', 1, 'contact', '9', 'HubSpot 503', 5_000, 2)).toBe('pending');
    expect(await queue.nextDueInMs()).toBe(5_000);
    expect(await queue.claim('a', lease)).toBeNull();
    now += 5_000;
    await queue.claim('a', lease);
    expect(await queue.retry('a', 1, 'contact', '9', 'HubSpot 503', 5_000, 2)).toBe('failed');
    expect(await queue.counts()).toMatchObject({ failed: 1, pending: 0 });
  });

  it('forgets old event ids and finished jobs', async () => {
    const queue = await open();
    await queue.accept(1, [{ eventId: 'e1', kind: 'contact', objectId: '1' }]);
    await queue.claim('a', lease);
    await queue.complete('a', 1, 'contact', ['1']);
    now += 4 * 24 * 60 * 60 * 1000;
    await queue.prune();
    expect(await queue.counts()).toEqual({ pending: 0, inFlight: 0, done: 0, failed: 0 });
    expect(await queue.accept(1, [{ eventId: 'e1', kind: 'contact', objectId: '1' }])).toBe(1);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/server/queue.ts';

const dbFile = () => join(mkdtempSync(join(tmpdir(), 'rolecall-queue-')), 'queue.db');

describe('the durable job queue', () => {
  it('keeps one job per contact and drops repeated event ids', () => {
    const queue = new JobQueue(':memory:');
    const fresh = queue.accept([
      { eventId: '1', kind: 'contact', objectId: '7' },
      { eventId: '1', kind: 'contact', objectId: '7' },
      { eventId: '2', kind: 'contact', objectId: '7' },
      { eventId: '3', kind: 'contact', objectId: '8' },
    ]);
    expect(fresh).toBe(3);
    expect(queue.counts()).toEqual({ pending: 2, inFlight: 0, done: 0, failed: 0 });
    expect(queue.accept([{ eventId: '3', kind: 'contact', objectId: '8' }])).toBe(0);
  });

  it('runs a job again when an event arrives while it is in flight', () => {
    const queue = new JobQueue(':memory:');
    queue.enqueue('contact', '7');
    expect(queue.claim('contact', 100, 60_000).map((j) => j.objectId)).toEqual(['7']);
    queue.enqueue('contact', '7');
    queue.complete('contact', '7');
    expect(queue.counts().pending).toBe(1);
    queue.claim('contact', 100, 60_000);
    queue.complete('contact', '7');
    expect(queue.counts()).toEqual({ pending: 0, inFlight: 0, done: 1, failed: 0 });
  });

  it('backs off, then gives up after the last attempt', () => {
    let now = 1_000;
    const queue = new JobQueue(':memory:', () => now);
    queue.enqueue('contact', '9');
    queue.claim('contact', 1, 60_000);
    expect(queue.retry('contact', '9', 'HubSpot 503', 5_000, 2)).toBe('pending');
    expect(queue.claim('contact', 1, 60_000)).toEqual([]);
    expect(queue.nextDueInMs()).toBe(5_000);
    now += 5_000;
    expect(queue.claim('contact', 1, 60_000)).toEqual([{ kind: 'contact', objectId: '9', attempts: 1 }]);
    expect(queue.retry('contact', '9', 'HubSpot 503', 5_000, 2)).toBe('failed');
    expect(queue.counts().failed).toBe(1);
  });

  it('lets another worker take a job whose lease expired', () => {
    let now = 0;
    const queue = new JobQueue(':memory:', () => now);
    queue.enqueue('contact', '1');
    queue.claim('contact', 1, 1_000);
    expect(queue.claim('contact', 1, 1_000)).toEqual([]);
    now = 1_001;
    expect(queue.claim('contact', 1, 1_000)).toHaveLength(1);
  });

  it('keeps queued and leased jobs across a restart on the same file', () => {
    const path = dbFile();
    const first = new JobQueue(path);
    first.accept([
      { eventId: 'a', kind: 'contact', objectId: '1' },
      { eventId: 'b', kind: 'contact', objectId: '2' },
    ]);
    first.claim('contact', 1, 600_000);
    first.close();
    const second = new JobQueue(path);
    expect(second.releaseLeases()).toBe(1);
    expect(second.claim('contact', 100, 60_000)).toHaveLength(2);
    expect(second.accept([{ eventId: 'a', kind: 'contact', objectId: '1' }])).toBe(0);
    second.close();
  });

  it('forgets old event ids and finished jobs, never pending ones', () => {
    let now = 0;
    const queue = new JobQueue(':memory:', () => now);
    queue.accept([
      { eventId: 'old', kind: 'contact', objectId: '1' },
      { eventId: 'old-2', kind: 'contact', objectId: '2' },
    ]);
    queue.claim('contact', 1, 1_000);
    queue.complete('contact', '1');
    now = 10_000;
    queue.prune(5_000);
    expect(queue.counts()).toEqual({ pending: 1, inFlight: 0, done: 0, failed: 0 });
    expect(queue.accept([{ eventId: 'old', kind: 'contact', objectId: '1' }])).toBe(1);
  });
});

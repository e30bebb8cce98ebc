import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endQuietlyOnBrokenPipe } from '../../src/cli/main.ts';
import { AuditDb } from '../../src/tag/audit-db.ts';

const BIN = join(import.meta.dirname, '../../src/cli/rolecall.mjs');

/** Runs the CLI like `rolecall … | head -c 1`: reads the first chunk of stdout, then closes the pipe. */
function firstChunkThenClose(
  args: string[],
  stdin?: string,
): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    let first = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
    if (stdin !== undefined) child.stdin.end(stdin);
    else child.stdin.end();
  });
}

describe('a closed stdout (rolecall … | head -1)', () => {
  it('ends classify --jsonl quietly with exit 0', async () => {
    const line = '{"title":"VP Sales","company":{"employees":500}}\n';
    const run = await firstChunkThenClose(['classify', '--jsonl'], line.repeat(200_000));
    expect(run.first).toMatch(/^\{"title":"VP Sales"/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  it('ends runs quietly with exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-pipe-'));
    const path = join(dir, 'audit.db');
    const db = new AuditDb(path);
    for (let i = 0; i < 3000; i += 1) {
      db.createRun({ id: `run-${i}`, kind: 'tag', target: 'sandbox', options: {} });
    }
    db.close();
    const run = await firstChunkThenClose(['runs', '--db', path, '--limit', '3000']);
    expect(run.first).toMatch(/^run-/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 60_000);

  it('exits 0 on EPIPE and rethrows any other stream error', () => {
    const stream = new EventEmitter();
    const codes: number[] = [];
    endQuietlyOnBrokenPipe(stream, (code) => codes.push(code));
    stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow(
      /disk full/,
    );
  });
});

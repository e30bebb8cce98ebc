import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { buildCli } from '../../src/build/cli.ts';
// @ts-expect-error: plain JavaScript (the launcher runs it before anything is compiled), no types
import { compiledIsFresh } from '../../src/cli/compiled-check.mjs';
import { packageRoot } from '../../src/package-root.ts';

const root = packageRoot();
const dist = `dist/cli-test-${process.pid}`;
afterAll(() => rmSync(join(root, dist), { recursive: true, force: true }));

describe('the compiled CLI', () => {
  it('runs without a TypeScript compiler: version, a classification, the shipped playbook file', async () => {
    const info = await buildCli(root, dist);
    expect(info.inputs).toContain('src/cli/main.ts');
    expect(info.inputs.some((input) => input.includes('node_modules'))).toBe(false);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, dist, 'rolecall.mjs'), ...args], {
        encoding: 'utf8',
        cwd: tmpdir(),
      });
    expect(run('--version').stdout.trim()).toBe(packageJson.version);
    const ceo = run('classify', 'Chief Financial Officer', '--employees', '800', '--json');
    expect(ceo.status, ceo.stderr).toBe(0);
    expect(JSON.parse(ceo.stdout)).toMatchObject({ seniority: 'c_level', function: 'finance' });
    const check = run('playbook', 'check'); // reads src/playbook/default-playbook.yaml beside the code
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/is valid/);
    const usage = run('tag');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/HUBSPOT_ACCESS_TOKEN is not set/);
  });
});

describe('the launcher runs the compiled CLI only while it matches the source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-fresh-'));
  const at = (path: string, ms: number) => utimesSync(join(dir, path), ms / 1000, ms / 1000);
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'dist/cli'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'src/a.ts'), '');
  const built = Date.parse('2026-01-01T00:00:00Z');
  writeFileSync(join(dir, 'dist/cli/build.json'), JSON.stringify({ builtAt: built, inputs: ['src/a.ts'] }));

  it('fresh when every input is older than the build', () => {
    at('package.json', built - 1000);
    at('src/a.ts', built - 1000);
    expect(compiledIsFresh(dir)).toBe(true);
  });

  it('stale when a source file or package.json changed after the build, or a source is gone', () => {
    at('src/a.ts', built + 1000);
    expect(compiledIsFresh(dir)).toBe(false);
    at('src/a.ts', built - 1000);
    at('package.json', built + 1000);
    expect(compiledIsFresh(dir)).toBe(false);
    at('package.json', built - 1000);
    rmSync(join(dir, 'src/a.ts'));
    expect(compiledIsFresh(dir)).toBe(false);
  });

  it('stale when never built', () => {
    expect(compiledIsFresh(join(dir, 'src'))).toBe(false);
  });
});

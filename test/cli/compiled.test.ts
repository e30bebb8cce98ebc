import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import { buildCli } from '../../src/build/cli.ts';
import { OCCUPATION_MODEL_FILE } from '../../src/classify/model-file.ts';
import { snapshotOccupationModel } from '../../src/classify/model-snapshot.ts';
import { classifyRecord } from '../../src/cli/classify-io.ts';
// @ts-expect-error: plain JavaScript (the launcher runs it before anything is compiled), no types
import { compiledIsFresh } from '../../src/cli/compiled-check.mjs';
import { packageRoot } from '../../src/package-root.ts';
import { readFixtureRows } from '../classify/rows.ts';

const root = packageRoot();
const dist = `dist/cli-test-${process.pid}`;
afterAll(() => rmSync(join(root, dist), { recursive: true, force: true }));

describe('the compiled CLI', () => {
  it('runs without a TypeScript compiler: version, a classification, the shipped playbook file', async () => {
    const info = await buildCli(root, dist);
    expect(info.inputs).toContain('src/cli/main.ts');
    expect(info.inputs.some((input) => input.includes('node_modules'))).toBe(false);
    // The rule data and the word model's tables are files beside the code, listed so the launcher checks them.
    expect(info.data.sort()).toEqual(['lexicon.json', 'occupation-model.bin', 'occupations.json']);
    // The rule data is compiled into the build: a change to it (or to the code compiling it) makes it stale.
    for (const input of [
      'src/classify/data/lexicon.json',
      'src/classify/data/morphology.json',
      'src/classify/data/occupations.json',
      'src/classify/lexicon.ts',
      'src/playbook/default-playbook.json',
    ])
      expect(info.inputs).toContain(input);
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, dist, 'rolecall.mjs'), ...args], {
        encoding: 'utf8',
        cwd: tmpdir(),
      });
    expect(run('--version').stdout.trim()).toBe(packageJson.version);
    const ceo = run('classify', 'Chief Financial Officer', '--employees', '800', '--json');
    expect(ceo.status, ceo.stderr).toBe(0);
    expect(JSON.parse(ceo.stdout)).toMatchObject({ seniority: 'c_level', function: 'finance' });
    // The build-time tables read titles exactly as the source does, ESCO's occupation words included.
    // Fixture titles and held-out ESCO labels (read through the occupation words) in one run.
    const escoFile = join(root, 'test/fixtures/esco-holdout/occupations.jsonl');
    const escoTitles = readFileSync(escoFile, 'utf8')
      .split('\n')
      .filter((line, index) => line.trim() !== '' && index % 10 === 0)
      .map((line) => ({
        title: Object.values(JSON.parse(line).labels as Record<string, string[]>)[0]?.[0] ?? '',
        company: null,
      }));
    const rows = [...readFixtureRows('titles').filter((_row, index) => index % 20 === 0), ...escoTitles];
    const lines = rows.map((row) => JSON.stringify({ title: row.title, company: row.company }));
    const jsonl = spawnSync(process.execPath, [join(root, dist, 'rolecall.mjs'), 'classify', '--jsonl'], {
      encoding: 'utf8',
      cwd: tmpdir(),
      input: `${lines.join('\n')}\n`,
    });
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const built = jsonl.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(built).toEqual(rows.map((row) => classifyRecord(row.title, row.company)));
    expect(built.some((record) => record.rules.includes('esco-occupation'))).toBe(true);
    // Titles read by the ESCO word model came from its prebuilt tables; a damaged file falls back to the data.
    const byModel = built.filter((record) => record.rules.includes('esco-nearest'));
    expect(byModel.length).toBeGreaterThan(0);
    const snapshot = join(root, dist, 'occupation-model.bin');
    const classifyModelTitles = () => {
      const input = byModel.map((record) => `${JSON.stringify({ title: record.title })}\n`).join('');
      const out = spawnSync(process.execPath, [join(root, dist, 'rolecall.mjs'), 'classify', '--jsonl'], {
        encoding: 'utf8',
        cwd: tmpdir(),
        input,
      });
      expect(out.status, out.stderr).toBe(0);
      return out.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
    };
    const model = JSON.parse(readFileSync(join(root, OCCUPATION_MODEL_FILE), 'utf8'));
    writeFileSync(snapshot, snapshotOccupationModel({ ...model, minShare: 2 })); // a model that never answers
    expect(classifyModelTitles().filter((record) => record.rules.includes('esco-nearest'))).toEqual([]);
    writeFileSync(snapshot, readFileSync(snapshot).subarray(0, 100_000));
    expect(classifyModelTitles()).toEqual(byModel);
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

  it('stale when a data file the build wrote beside the code is gone', () => {
    writeFileSync(
      join(dir, 'dist/cli/build.json'),
      JSON.stringify({ builtAt: built, inputs: [], data: ['lexicon.json'] }),
    );
    at('package.json', built - 1000);
    expect(compiledIsFresh(dir)).toBe(false);
    writeFileSync(join(dir, 'dist/cli/lexicon.json'), '{}');
    expect(compiledIsFresh(dir)).toBe(true);
  });

  it('stale when never built', () => {
    expect(compiledIsFresh(join(dir, 'src'))).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildCli } from '../build/cli.ts';
import { ESCO_WORD_MODEL_RULE } from '../classify/rule-names.ts';
import { packageRoot } from '../package-root.ts';

/**
 * `npm run bench -- startup`: how long `rolecall` takes to start, as a ratio to `node -e 0` measured in
 * the same run (so a busy machine slows both alike). The compiled CLI (dist/cli, what `npm install`
 * builds), for `--version`, a title the rules read and one the ESCO word model reads, and, for comparison,
 * the TypeScript source through tsx (ROLECALL_FROM_SOURCE=1).
 */
const RUNS = Number(process.env.STARTUP_BENCH_RUNS ?? 15);
const root = packageRoot();
const bin = join(root, 'src/cli/rolecall.mjs');

await buildCli(root); // measure what the sources compile to now

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

// A title the rules leave to the ESCO word model: its first use reads the model's prebuilt tables.
const MODEL_TITLE = 'Weinbauer';
const byModel = spawnSync(process.execPath, [bin, 'classify', MODEL_TITLE, '--json'], {
  cwd: root,
  encoding: 'utf8',
});
if (!(JSON.parse(byModel.stdout) as { rules: string[] }).rules.includes(ESCO_WORD_MODEL_RULE))
  throw new Error(`"${MODEL_TITLE}" is no longer read by the ESCO word model: pick another title`);

const cases: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'rolecall --version', args: [bin, '--version'] },
  { name: 'rolecall classify "CEO"', args: [bin, 'classify', 'CEO'] },
  { name: `rolecall classify "${MODEL_TITLE}"`, args: [bin, 'classify', MODEL_TITLE] },
  { name: 'rolecall --version (tsx)', args: [bin, '--version'], env: { ROLECALL_FROM_SOURCE: '1' } },
  {
    name: 'rolecall classify "CEO" (tsx)',
    args: [bin, 'classify', 'CEO'],
    env: { ROLECALL_FROM_SOURCE: '1' },
  },
];
const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
// Interleaved rounds: a change in machine load hits every case alike.
for (let round = 0; round < RUNS; round++) {
  for (const c of cases) {
    const started = performance.now();
    const run = spawnSync(process.execPath, c.args, {
      cwd: root,
      env: { ...process.env, ROLECALL_FROM_SOURCE: '', ...c.env },
      encoding: 'utf8',
    });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`${c.name} exited ${run.status}: ${run.stderr}`);
    times.get(c.name)?.push(ms);
  }
}
const base = median(times.get('node -e 0') ?? []);
process.stdout.write(`start-up, median of ${RUNS} runs each (interleaved):\n`);
for (const c of cases) {
  const ms = median(times.get(c.name) ?? []);
  process.stdout.write(
    `  ${c.name.padEnd(40)} ${ms.toFixed(0).padStart(5)} ms   ${(ms / base).toFixed(1).padStart(5)} × node -e 0\n`,
  );
}

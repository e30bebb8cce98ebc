import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every `src/bench/*.bench.ts` in its own process (so peak memory is per benchmark),
 * in name order, or only those whose name contains an argument (`npm run bench -- titles`).
 */
const here = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();
let failed = 0;
for (const file of files) {
  process.stdout.write(`\n▶ ${file}\n`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, file)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
if (files.length === 0) process.stdout.write('no benchmarks matched\n');
process.exitCode = failed === 0 ? 0 : 1;

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readTitle } from '../classify/index.ts';
import { ESCO_WORD_MODEL_RULE } from '../classify/rule-names.ts';
import { mulberry32 as random } from '../sandbox/prng.ts';

/**
 * `npm run bench -- titles`: reads a generated 1M-title input in-process (one core) and through
 * `rolecall classify --jsonl`, and prints titles per second and peak memory of each. In the same run it reads
 * the same titles with the reader of an earlier commit (TITLES_BENCH_BASE, default 7adbff2: the reader before
 * ESCO's occupation words), taking turns in rounds so machine load hits both alike; both readers are loaded from
 * copies of their sources, so neither is warmer for having run the rest of this bench.
 */
const TOTAL = Number(process.env.TITLES_BENCH_COUNT ?? 1_000_000);
const root = join(import.meta.dirname, '..', '..');

const PREFIX = [
  '',
  '',
  '',
  'Senior ',
  'Sr. ',
  'Junior ',
  'Lead ',
  'Interim ',
  'Deputy ',
  'Global ',
  'Regional ',
];
const RANK = [
  'Manager',
  'Director',
  'VP',
  'Head of',
  'Leiter',
  'Directeur',
  'Jefe de',
  'Responsable',
  'Gerente de',
];
const AREA = [
  'Sales',
  'Marketing',
  'Customer Success',
  'Product',
  'Engineering',
  'IT',
  'Data & Analytics',
  'Design',
  'Finance',
  'HR',
  'Legal',
  'Operations',
  'Procurement',
  'Vertrieb',
  'Einkauf',
  'Achats',
  'Compras',
  'Inkoop',
  'Acquisti',
];
const NOISE = [
  '',
  '',
  '',
  ' at Acme',
  ' @ Globex GmbH',
  ' (she/her)',
  ', MBA',
  ' | Helping teams grow',
  ' 🚀',
];
const WHOLE = [
  'CEO',
  'Founder & CTO',
  'Geschäftsführer',
  'Vertriebsleiterin',
  'Software Engineer',
  'Account Executive',
  'Einkäufer',
  'Försäljningschef',
  'Product Owner',
  'Chief of Staff',
  'Office Manager',
  'Werkstudent Marketing',
  'Open to work',
  'n/a',
  '',
  'Marktforscherin',
  'Purchaser',
  'Boekhouder',
  'Técnico de mantenimiento',
  'Leiter Einkauf DACH',
];

/** A deterministic stream of realistic title shapes in several languages, with noise. */
function* titles(count: number): Generator<string> {
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  for (let i = 0; i < count; i++) {
    if (next() < 0.2) yield pick(WHOLE);
    else {
      const rank = pick(RANK);
      const area = pick(AREA);
      const title = rank.endsWith(' of') || rank.endsWith(' de') ? `${rank} ${area}` : `${area} ${rank}`;
      yield `${pick(PREFIX)}${title}${pick(NOISE)}`;
    }
  }
}

function inProcess(): { perSecond: number; perCpuSecond: number; peakRss: number } {
  let peakRss = process.memoryUsage().rss;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let n = 0;
  for (const title of titles(TOTAL)) {
    readTitle(title, n % 3 === 0 ? { employees: 120 } : null);
    n += 1;
    if (n % 100_000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { perSecond: n / seconds, perCpuSecond: n / ((cpu.user + cpu.system) / 1e6), peakRss };
}

/** CPU seconds a process has used so far (user + system), from /proc; 0 where /proc is missing. */
function cpuOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

function peakOf(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function throughCli(): Promise<{
  perSecond: number;
  perCpuSecond: number;
  peakRss: number;
  lines: number;
}> {
  const child = spawn(process.execPath, [join(root, 'src/cli/rolecall.mjs'), 'classify', '--jsonl'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let lines = 0;
  let peakRss = 0;
  let cpuSeconds = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (const byte of chunk) if (byte === 10) lines += 1;
  });
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, peakOf(child.pid));
    cpuSeconds = Math.max(cpuSeconds, cpuOf(child.pid));
  }, 50);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('end', () => resolve());
  });
  const start = process.hrtime.bigint();
  let batch = '';
  for (const title of titles(TOTAL)) {
    batch += `${JSON.stringify({ title, company: { employees: 500 } })}\n`;
    if (batch.length > 64 * 1024) {
      if (!child.stdin.write(batch)) await new Promise((resolve) => child.stdin.once('drain', resolve));
      batch = '';
    }
  }
  child.stdin.end(batch);
  await done;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(sampler);
  return { perSecond: lines / seconds, perCpuSecond: cpuSeconds ? lines / cpuSeconds : 0, peakRss, lines };
}

type Reader = (title: string, company: { employees: number } | null) => unknown;

/**
 * A reader loaded afresh from its own copy of the sources, next to this checkout's node_modules: an earlier
 * commit's (`git archive`), or this checkout's own (copied), so both readers in the comparison start equally cold.
 */
async function isolatedReader(ref: string | null): Promise<{ read: Reader; dir: string } | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-bench-reader-'));
  try {
    if (ref) {
      const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref, 'src', 'package.json'], {
        maxBuffer: 512 * 1024 * 1024,
      });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    } else {
      cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
      cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const module = await import(pathToFileURL(join(dir, 'src/classify/read-title.ts')).href);
    return { read: module.readTitle as Reader, dir };
  } catch (error) {
    process.stdout.write(
      `(no reader for ${ref ?? 'this checkout'}: ${(error as Error).message.split('\n')[0]})\n`,
    );
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Titles per second of each reader over the same titles, in alternating rounds. Each reader first reads every
 * title once untimed, so both are compiled by the JIT and have their per-word memos filled alike; the order within
 * a round alternates so neither always runs second.
 */
function compare(readers: Record<string, Reader>, rounds = 6): Record<string, number> {
  const all = [...titles(TOTAL)];
  const size = Math.ceil(all.length / rounds);
  const seconds: Record<string, number> = {};
  const entries = Object.entries(readers);
  for (const [, read] of entries)
    for (let n = 0; n < all.length; n++) read(all[n] ?? '', n % 3 === 0 ? { employees: 120 } : null);
  for (let round = 0; round < rounds; round++) {
    const slice = all.slice(round * size, (round + 1) * size);
    for (const [name, read] of round % 2 === 0 ? entries : [...entries].reverse()) {
      const start = process.hrtime.bigint();
      for (let n = 0; n < slice.length; n++) read(slice[n] ?? '', n % 3 === 0 ? { employees: 120 } : null);
      seconds[name] = (seconds[name] ?? 0) + Number(process.hrtime.bigint() - start) / 1e9;
    }
  }
  return Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, all.length / s]));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number) => Math.round(n).toLocaleString('en');
/**
 * The ESCO word model is read from disk on the first title that needs it: that title's time, then the rate over
 * the ESCO held-out labels (titles far harder than CRM titles: about a fifth of them reach the model).
 */
function wordModel(): { first: number; perSecond: number; labels: number; decided: number } {
  const file = join(root, 'test/fixtures/esco-holdout/occupations.jsonl');
  const labels = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => Object.values(JSON.parse(line).labels as Record<string, string[]>).flat());
  const started = process.hrtime.bigint();
  readTitle('Tradutora literária');
  const first = Number(process.hrtime.bigint() - started) / 1e6;
  let decided = 0;
  const start = process.hrtime.bigint();
  for (const label of labels) decided += Number(readTitle(label).rules.includes(ESCO_WORD_MODEL_RULE));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { first, perSecond: labels.length / seconds, labels: labels.length, decided };
}

const model = wordModel();
process.stdout.write(
  `ESCO word model: first title that needs it ${model.first.toFixed(0)} ms (reads the model, builds the trigram index); then ${rate(model.perSecond)} titles/s over ${model.labels.toLocaleString('en')} ESCO held-out labels, ${model.decided.toLocaleString('en')} decided by the model\n`,
);
const local = inProcess();
process.stdout.write(
  `titles in-process: ${TOTAL.toLocaleString('en')} titles, ${rate(local.perSecond)} titles/s wall, ${rate(local.perCpuSecond)} titles per CPU-second (one core), peak RSS ${mb(local.peakRss)}\n`,
);
const baseRef = process.env.TITLES_BENCH_BASE ?? '7adbff2';
const base = await isolatedReader(baseRef);
const current = base && (await isolatedReader(null));
if (base && current) {
  const speeds = compare({ [baseRef]: base.read, current: current.read });
  process.stdout.write(
    `titles in-process, same run, alternating rounds: ${Object.entries(speeds)
      .map(([name, speed]) => `${name} ${rate(speed)} titles/s`)
      .join(', ')} (current / ${baseRef}: ${((speeds.current ?? 0) / (speeds[baseRef] ?? 1)).toFixed(2)}x)\n`,
  );
}
for (const reader of [base, current]) if (reader) rmSync(reader.dir, { recursive: true, force: true });
const cli = await throughCli();
process.stdout.write(
  `titles via CLI --jsonl: ${cli.lines.toLocaleString('en')} lines out, ${rate(cli.perSecond)} titles/s wall end to end, ${rate(cli.perCpuSecond)} per CPU-second of the CLI process (approx.), child peak RSS ${mb(cli.peakRss)}\n`,
);
if (cli.lines !== TOTAL) {
  process.stderr.write(`expected ${TOTAL} output lines, got ${cli.lines}\n`);
  process.exitCode = 1;
}

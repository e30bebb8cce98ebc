import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from './run-cli.ts';

const io = captureOutput();
let dir = '';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolecall-safety-'));
});

const run = (...args: string[]) => main(['node', 'rolecall', ...args]);
const BROKEN = 'Record ID,Job Title\n1,CFO\n2,"VP Sales\n3,CTO\n';
const KEPT = 'an earlier result, not to be lost\n';

/** One line on stderr, naming the path, no stack trace. */
function expectOneLine(path: string) {
  expect(io.err.trim().split('\n')).toHaveLength(1);
  expect(io.err).toContain(path);
  expect(io.err).not.toMatch(/Unexpected error|\n\s+at /);
}

describe('--out is never truncated by a run that fails (issue 12.1)', () => {
  it('classify --csv missing.csv --out kept.csv leaves kept.csv as it was', async () => {
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, KEPT);
    expect(await run('classify', '--csv', join(dir, 'missing.csv'), '--out', kept)).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe(KEPT);
    expect(readdirSync(dir)).toEqual(['kept.csv']);
  });

  it('classify --csv with broken quoting leaves --out as it was', async () => {
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, KEPT);
    writeFileSync(join(dir, 'broken.csv'), BROKEN);
    expect(await run('classify', '--csv', join(dir, 'broken.csv'), '--out', kept)).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe(KEPT);
    expect(readdirSync(dir).sort()).toEqual(['broken.csv', 'kept.csv']);
  });

  it('tag --csv with broken quoting leaves --out as it was', async () => {
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, KEPT);
    writeFileSync(join(dir, 'broken.csv'), BROKEN);
    expect(await run('tag', '--csv', join(dir, 'broken.csv'), '--out', kept)).toBe(1);
    expect(readFileSync(kept, 'utf8')).toBe(KEPT);
    expect(readdirSync(dir).sort()).toEqual(['broken.csv', 'kept.csv']);
  });

  it('a run that succeeds replaces --out whole', async () => {
    const kept = join(dir, 'kept.csv');
    writeFileSync(kept, KEPT);
    writeFileSync(join(dir, 'in.csv'), 'Record ID,Job Title\n1,CFO\n');
    expect(await run('classify', '--csv', join(dir, 'in.csv'), '--out', kept)).toBe(0);
    expect(readFileSync(kept, 'utf8')).toMatch(/^Record ID,Job Title,seniority/);
    expect(await run('tag', '--csv', join(dir, 'in.csv'), '--out', kept)).toBe(0);
    expect(readFileSync(kept, 'utf8')).toMatch(/^Record ID,rolecall_/);
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'kept.csv']);
  });
});

describe('broken CSV quoting: the same clean error on every CSV path (issue 12.2)', () => {
  for (const command of [['classify'], ['tag', '--out', 'x']]) {
    it(`${command[0]} --csv names the line, what was wrong and the fix; exit 1`, async () => {
      const broken = join(dir, 'broken.csv');
      writeFileSync(broken, BROKEN);
      const args = command.map((arg) => (arg === 'x' ? join(dir, 'out.csv') : arg));
      expect(await run(...args, '--csv', broken)).toBe(1);
      expectOneLine(broken);
      expect(io.err).toMatch(/line 3: a quoted field is opened and never closed/);
      expect(io.err).toMatch(/Close the quote/);
      expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    });
  }

  it('text after a closing quote is named with its line and column', async () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'Record ID,Job Title\n1,CFO\n2,"VP" Sales\n');
    expect(await run('tag', '--csv', broken, '--out', join(dir, 'o.csv'))).toBe(1);
    expect(io.err).toMatch(/line 3: text follows a closing quote in column "Job Title".*""/);
  });
});

describe('a missing or unreadable file, in every command: one line naming the path, exit 1 (issue 12.6)', () => {
  const missing = () => join(dir, 'nowhere', 'missing.file');
  const cases: [string, () => string[]][] = [
    ['classify --csv', () => ['classify', '--csv', missing()]],
    ['classify --csv (a directory)', () => ['classify', '--csv', dir]],
    ['classify --playbook', () => ['classify', 'CFO', '--playbook', missing()]],
    ['tag --csv', () => ['tag', '--csv', missing(), '--out', join(dir, 'o.csv')]],
    [
      'tag --csv --playbook',
      () => ['tag', '--csv', missing(), '--out', join(dir, 'o.csv'), '--playbook', missing()],
    ],
    ['playbook check', () => ['playbook', 'check', missing()]],
    ['playbook show --playbook', () => ['playbook', 'show', '--playbook', missing()]],
    ['report --playbook', () => ['report', 'run-1', '--db', join(dir, 'a.db'), '--playbook', missing()]],
  ];
  for (const [name, args] of cases) {
    it(name, async () => {
      expect(await run(...args())).toBe(1);
      expectOneLine(args().includes(dir) && !args().includes(missing()) ? dir : missing());
    });
  }
});

describe('--delimiter', () => {
  it('a value that is not a separator is a usage error (exit 2) naming the choices', async () => {
    writeFileSync(join(dir, 'in.csv'), 'Job Title\nCFO\n');
    expect(await run('classify', '--csv', join(dir, 'in.csv'), '--delimiter', 'x')).toBe(2);
    expect(io.err).toMatch(/--delimiter "x" is not a CSV separator; use one of , ; tab \|/);
  });
});

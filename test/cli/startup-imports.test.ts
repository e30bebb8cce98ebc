import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from '../../src/build/cli.ts';
import { packageRoot } from '../../src/package-root.ts';

const root = packageRoot();
const dist = `dist/cli-imports-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'rolecall-imports-'));
afterAll(() => {
  rmSync(join(root, dist), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

// A module hook that writes every URL the compiled CLI imports to a file: what a start really loads.
const hook = join(work, 'hook.mjs');
writeFileSync(
  join(work, 'log-resolve.mjs'),
  `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.ROLECALL_IMPORT_LOG, resolved.url + '\\n');
  return resolved;
}
`,
);
writeFileSync(
  hook,
  `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(work, 'log-resolve.mjs')).href)});\n`,
);

/** The packages and source files (from esbuild's `// path` markers in each chunk) a run imports. */
function loadedBy(...args: string[]): { packages: string[]; sources: string[] } {
  const log = join(work, `log-${args.join('-')}.txt`);
  const run = spawnSync(process.execPath, ['--import', hook, join(root, dist, 'rolecall.mjs'), ...args], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, ROLECALL_IMPORT_LOG: log },
  });
  expect(run.status, run.stderr).toBe(0);
  const urls = [...new Set(readFileSync(log, 'utf8').trim().split('\n'))];
  const packages = new Set<string>();
  const sources = new Set<string>();
  for (const url of urls) {
    const inModules = url.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (inModules?.[1]) packages.add(inModules[1]);
    if (url.startsWith('file:') && url.includes(`/${dist}/`)) {
      const code = readFileSync(new URL(url), 'utf8');
      for (const marker of code.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm))
        if (marker[1]) sources.add(marker[1]);
    }
  }
  return { packages: [...packages].sort(), sources: [...sources].sort() };
}

describe('a start loads only what its command needs', () => {
  beforeAll(async () => {
    await buildCli(root, dist);
  }, 120_000);

  it('--version: the program (commander bundled in), no package file, no command', () => {
    const { packages, sources } = loadedBy('--version');
    expect(packages).toEqual([]);
    expect(sources).toContain('node_modules/commander/lib/command.js');
    expect(sources).toContain('src/cli/main.ts');
    expect(sources.filter((source) => source.startsWith('src/cli/commands/'))).toEqual([]);
  });

  it('one title: no zod, YAML, CSV, HubSpot client, database, server, sandbox or other command', () => {
    const { packages, sources } = loadedBy('classify', 'CEO');
    expect(packages).toEqual([]);
    expect(sources).toContain('src/classify/read-title.ts'); // the hook saw the classifier load
    const unneeded = sources.filter(
      (source) =>
        (source.startsWith('node_modules/') && !source.startsWith('node_modules/commander/')) ||
        /^src\/(sandbox|server|hubspot|deals|insights|functions|project)\//.test(source) ||
        (source.startsWith('src/cli/commands/') && source !== 'src/cli/commands/classify.ts') ||
        /^src\/(classify|playbook)\/(schema|ruleset|load)\.ts$/.test(source),
    );
    expect(unneeded).toEqual([]);
  });
});

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CLI_BUILD_INFO, CLI_DIST, type CliBuildInfo } from '../cli/compiled.ts';
import { packageRoot } from '../package-root.ts';
import { precompiledShippedData, shippedDataInputs, writeShippedData } from './shipped-data.ts';

/**
 * Bundled: importing zod is ~100 small modules, several times slower than reading one chunk; commander is
 * seven CommonJS files that every start (even `--version`) resolves, reads and wraps one by one.
 */
const BUNDLED = new Set(['zod', 'commander']);

/** Every package the CLI may import, except the bundled ones, stays in node_modules and is imported as it is. */
function externalPackages(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => !BUNDLED.has(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/**
 * `npm run build:cli` (and `prepare`, so `npm install` / `npm ci` run it): the CLI as plain JavaScript in
 * dist/cli, so `rolecall` starts without compiling TypeScript. Commands stay separate chunks that load
 * only when run; packages in node_modules (but zod and commander) are imported as they are, not bundled. The title
 * reader's rule data and the ESCO word model's tables are compiled here too, as files beside the code
 * (./shipped-data.ts).
 */
export async function buildCli(root = packageRoot(), dist = CLI_DIST): Promise<CliBuildInfo> {
  const builtAt = Date.now(); // before reading any source: an edit made during the build counts as newer
  const outdir = join(root, dist);
  rmSync(outdir, { recursive: true, force: true });
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { rolecall: 'src/cli/run.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: externalPackages(root),
    metafile: true,
    logLevel: 'warning',
    plugins: [precompiledShippedData()],
    // A bundled CommonJS package (commander) requires Node's built-in modules: ESM has no `require` of its own.
    banner: {
      js: "import { createRequire as __rolecallRequire } from 'node:module'; const require = __rolecallRequire(import.meta.url);",
    },
  });
  const compiled = Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input)));
  mkdirSync(outdir, { recursive: true });
  const info: CliBuildInfo = {
    builtAt,
    inputs: [
      ...new Set([
        ...compiled.filter((input) => !input.includes('node_modules')),
        ...shippedDataInputs(root),
      ]),
    ],
    data: writeShippedData(root, outdir),
  };
  writeFileSync(join(outdir, CLI_BUILD_INFO), `${JSON.stringify(info)}\n`);
  return info;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const info = await buildCli();
  process.stdout.write(
    `rolecall CLI compiled to ${CLI_DIST}/rolecall.mjs from ${info.inputs.length} files\n`,
  );
}

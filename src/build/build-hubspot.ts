import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { build } from 'esbuild';
import { emitDeclarations } from './declarations.ts';

export interface BuildOptions {
  /** The repository root (holds `src/`). */
  root: string;
  /** Where to write: the repo's `extensions/` for an upload, a scratch copy in tests. */
  extensionsDir: string;
}

export interface BuildReport {
  /** Files written, relative to `extensionsDir`. */
  outputs: string[];
  /** Problems, each naming the file and the fix; empty means the upload has everything it needs. */
  errors: string[];
}

/** Each app function's entrypoint `/app/functions/<name>.js` is built from `src/functions/<name>.ts`. */
export function functionEntries(extensionsDir: string): Array<{ meta: string; entrypoint: string }> {
  const dir = join(extensionsDir, 'app/functions');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('-hsmeta.json'))
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { config?: { entrypoint?: string } };
      return { meta: name, entrypoint: meta.config?.entrypoint ?? '' };
    });
}

/**
 * Builds what `hs project upload` needs and git does not hold: the `@rolecall/core` package the cards import
 * (browser ESM + .d.ts, from src/core.ts) and one CommonJS bundle per app function (from src/functions/).
 */
export async function buildHubSpot({ root, extensionsDir }: BuildOptions): Promise<BuildReport> {
  const outputs: string[] = [];
  const errors: string[] = [];
  const shown = (path: string) => relative(extensionsDir, path);

  const coreDist = join(extensionsDir, 'app/packages/rolecall-core/dist');
  rmSync(coreDist, { recursive: true, force: true });
  mkdirSync(coreDist, { recursive: true });
  try {
    // Cards run in HubSpot's sandboxed worker: browser platform, so a node: import fails here, not in production.
    await build({
      entryPoints: [join(root, 'src/core.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      outfile: join(coreDist, 'index.js'),
      logLevel: 'silent',
      legalComments: 'none',
    });
    outputs.push(shown(join(coreDist, 'index.js')));
  } catch (error) {
    errors.push(
      `src/core.ts did not bundle for the browser: ${(error as Error).message}. Remove node-only imports from it.`,
    );
  }
  const typeErrors = emitDeclarations(join(root, 'src/core.ts'), join(root, 'src'), coreDist);
  if (typeErrors.length > 0) {
    errors.push(
      `declarations for @rolecall/core failed: ${typeErrors.slice(0, 5).join(' | ')}. Fix the types in src/.`,
    );
  } else {
    // Beside index.js, so a deep import of dist/index.js finds its types too.
    writeFileSync(join(coreDist, 'index.d.ts'), "export * from './core.ts';\n");
    outputs.push(shown(join(coreDist, 'core.d.ts')));
  }

  for (const { meta, entrypoint } of functionEntries(extensionsDir)) {
    const match = /^\/app\/functions\/([^/]+)\.js$/.exec(entrypoint);
    if (!match) {
      errors.push(
        `app/functions/${meta}: entrypoint "${entrypoint}" is not /app/functions/<name>.js; fix it.`,
      );
      continue;
    }
    const source = join(root, 'src/functions', `${match[1]}.ts`);
    if (!existsSync(source)) {
      errors.push(
        `app/functions/${meta}: no source ${relative(root, source)}; create it with an exported main().`,
      );
      continue;
    }
    const outfile = join(extensionsDir, entrypoint.slice(1));
    try {
      await buildFunction(source, outfile);
      outputs.push(shown(outfile));
    } catch (error) {
      errors.push(`${relative(root, source)} did not bundle: ${(error as Error).message}`);
    }
  }
  return { outputs, errors };
}

/** Bundles one app-function handler: HubSpot require()s it, so CommonJS for node20, the SDK left external. */
export async function buildFunction(source: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [source],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['@hubspot/api-client'],
    outfile,
    logLevel: 'silent',
    legalComments: 'none',
    banner: { js: `// Built by "npm run build" from src/functions/${basename(source)}; do not edit.` },
  });
}

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPlaybookFile } from '../playbook/load-file.ts';
import { buildFunction, bundleCore } from './bundles.ts';
import { emitDeclarations } from './declarations.ts';

export interface BuildOptions {
  /** The repository root (holds `src/`). */
  root: string;
  /** Where to write: the repo's `extensions/` for an upload, a scratch copy in tests. */
  extensionsDir: string;
  /** A playbook file (YAML or JSON) to build in instead of the shipped default. */
  playbookPath?: string;
}

export interface BuildReport {
  /** Files written, relative to `extensionsDir`. */
  outputs: string[];
  /** Problems, each naming the file and the fix; empty means the upload has everything it needs. */
  errors: string[];
  /** The version of the playbook built in. */
  playbookVersion?: string;
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
export async function buildHubSpot({
  root,
  extensionsDir,
  playbookPath,
}: BuildOptions): Promise<BuildReport> {
  const outputs: string[] = [];
  const errors: string[] = [];
  const shown = (path: string) => relative(extensionsDir, path);
  let playbookJson: string | undefined;
  let playbookVersion: string | undefined;
  if (playbookPath) {
    const loaded = await loadPlaybookFile(playbookPath);
    if (!loaded.value) {
      const fix = `Fix the playbook (check it with "rolecall playbook check ${playbookPath}"), then build again.`;
      return { outputs, errors: [...loaded.errors.map((e) => e.text), fix] };
    }
    playbookJson = JSON.stringify(loaded.value);
    playbookVersion = loaded.value.version;
  }

  const coreDist = join(extensionsDir, 'app/packages/rolecall-core/dist');
  rmSync(coreDist, { recursive: true, force: true });
  mkdirSync(coreDist, { recursive: true });
  try {
    await bundleCore(join(root, 'src/core.ts'), join(coreDist, 'index.js'), playbookJson);
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
      await buildFunction(source, outfile, playbookJson);
      outputs.push(shown(outfile));
    } catch (error) {
      errors.push(`${relative(root, source)} did not bundle: ${(error as Error).message}`);
    }
  }
  return { outputs, errors, ...(playbookVersion ? { playbookVersion } : {}) };
}

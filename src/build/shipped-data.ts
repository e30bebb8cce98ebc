import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { shippedLexicon, shippedOccupations } from '../classify/shipped.ts';
import { snapshotLexicon } from '../classify/snapshot.ts';
import { defaultPlaybook } from '../playbook/default.ts';

/**
 * The compiled CLI's `src/classify/shipped.ts` and `src/playbook/default.ts`: the lexicon compiled, the
 * occupation words and the default playbook checked here, at build time, from the current data and code, so
 * a start only restores them (user playbooks are still checked when read). Each is a JSON string, parsed
 * when first asked for: JSON.parse is faster than a large object literal.
 */
export function precompiledShippedData(): Plugin {
  return {
    name: 'rolecall-precompiled-shipped-data',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]src[\\/]classify[\\/]shipped\.ts$/ }, () => {
        const lexicon = JSON.stringify(JSON.stringify(snapshotLexicon(shippedLexicon())));
        const occupations = JSON.stringify(JSON.stringify(shippedOccupations()));
        return {
          contents: [
            "import { restoreLexicon } from './snapshot.ts';",
            `export const shippedLexicon = () => restoreLexicon(JSON.parse(${lexicon}));`,
            `export const shippedOccupations = () => JSON.parse(${occupations});`,
          ].join('\n'),
          loader: 'ts',
        };
      });
      bundler.onLoad({ filter: /[\\/]src[\\/]playbook[\\/]default\.ts$/ }, () => ({
        contents: `export const defaultPlaybook = JSON.parse(${JSON.stringify(JSON.stringify(defaultPlaybook))});`,
        loader: 'ts',
      }));
    },
  };
}

/**
 * What the precompiled data is derived from: every file of src/classify and src/playbook (data and code)
 * and the taxonomy.
 * The launcher runs the compiled CLI only while none of them changed, so it never reads stale tables.
 */
export function shippedDataInputs(root: string): string[] {
  const files = ['src/classify', 'src/playbook'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
  return [...files, 'src/taxonomy.ts'];
}

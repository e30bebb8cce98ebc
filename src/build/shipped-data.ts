import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { OCCUPATION_MODEL_FILE } from '../classify/model-file.ts';
import { snapshotOccupationModel } from '../classify/model-snapshot.ts';
import type { OccupationModelData } from '../classify/nearest.ts';
import { shippedLexicon, shippedOccupations } from '../classify/shipped.ts';
import { snapshotLexicon } from '../classify/snapshot.ts';
import { defaultPlaybook } from '../playbook/default.ts';

/**
 * The compiled CLI's `src/classify/shipped.ts` and `src/playbook/default.ts`: the lexicon compiled, the
 * occupation words and the default playbook checked here, at build time, from the current data and code, so
 * a start only restores them (user playbooks are still checked when read). Each is a JSON string, parsed
 * when first asked for: JSON.parse is faster than a large object literal. The ESCO word model's tables go in a
 * file of their own beside the chunks (writeModelSnapshot), named here.
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
            `export const shippedModelSnapshot = ${JSON.stringify(MODEL_SNAPSHOT)};`,
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

/** The ESCO word model's prebuilt tables in the compiled CLI (src/classify/model-snapshot.ts). */
export const MODEL_SNAPSHOT = 'occupation-model.bin';

/**
 * Writes the ESCO word model's tables into `outdir` (the compiled CLI's folder, next to its chunks folder),
 * built from the model data as the run-time model builds them: the first title that needs the model reads them
 * instead of building its trigram index (~5 MB; never committed, never in a browser bundle).
 */
export function writeModelSnapshot(root: string, outdir: string): void {
  const data = JSON.parse(readFileSync(join(root, OCCUPATION_MODEL_FILE), 'utf8')) as OccupationModelData;
  writeFileSync(join(outdir, MODEL_SNAPSHOT), snapshotOccupationModel(data));
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

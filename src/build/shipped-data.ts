import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'esbuild';
import { OCCUPATION_MODEL_FILE } from '../classify/model-file.ts';
import { snapshotOccupationModel } from '../classify/model-snapshot.ts';
import type { OccupationModelData } from '../classify/nearest.ts';
import { shippedLexicon, shippedOccupations } from '../classify/shipped.ts';
import { snapshotLexicon } from '../classify/snapshot.ts';
import { defaultPlaybook } from '../playbook/default.ts';

/** Files the compiled CLI's build writes beside its code (dist/cli), read by the compiled shipped.ts. */
const LEXICON = 'lexicon.json';
const OCCUPATIONS = 'occupations.json';
/** The ESCO word model's prebuilt tables in the compiled CLI (src/classify/model-snapshot.ts). */
export const MODEL_SNAPSHOT = 'occupation-model.bin';

/**
 * The compiled CLI's `src/classify/shipped.ts` and `src/playbook/default.ts`: the lexicon compiled, the
 * occupation words and the default playbook checked at build time, from the current data and code, so a start
 * only restores them (user playbooks are still checked when read). The rule data are files beside the code
 * (writeShippedData), read when first asked for: a one-title start reads the lexicon and never the occupation
 * words, and no start parses them as JavaScript. The small default playbook stays a JSON string in its chunk.
 */
export function precompiledShippedData(): Plugin {
  return {
    name: 'rolecall-precompiled-shipped-data',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]src[\\/]classify[\\/]shipped\.ts$/ }, () => ({
        contents: [
          "import { builtFile } from './code-files.ts';",
          "import { restoreLexicon } from './snapshot.ts';",
          'const read = (name: string): string => {',
          '  const bytes = builtFile(name);',
          "  if (!bytes) throw new Error('rolecall: ' + name + ' is missing beside the compiled CLI; run npm run build:cli');",
          '  return new TextDecoder().decode(bytes);',
          '};',
          `export const shippedLexicon = () => restoreLexicon(JSON.parse(read(${JSON.stringify(LEXICON)})));`,
          `export const shippedOccupations = () => JSON.parse(read(${JSON.stringify(OCCUPATIONS)}));`,
          `export const shippedModelSnapshot = ${JSON.stringify(MODEL_SNAPSHOT)};`,
        ].join('\n'),
        loader: 'ts',
      }));
      bundler.onLoad({ filter: /[\\/]src[\\/]playbook[\\/]default\.ts$/ }, () => ({
        contents: `export const defaultPlaybook = JSON.parse(${JSON.stringify(JSON.stringify(defaultPlaybook))});`,
        loader: 'ts',
      }));
    },
  };
}

/**
 * Writes the rule data the compiled shipped.ts reads into `outdir` (the compiled CLI's folder, next to its
 * chunks folder): the compiled lexicon, the checked occupation words, and the ESCO word model's tables, built
 * from the model data as the run-time model builds them, so the first title that needs the model reads them
 * instead of building its trigram index (~5 MB; never committed, never in a browser bundle). Returns their
 * names: the launcher runs the compiled CLI only while they are all there (src/cli/compiled-check.mjs).
 */
export function writeShippedData(root: string, outdir: string): string[] {
  writeFileSync(join(outdir, LEXICON), JSON.stringify(snapshotLexicon(shippedLexicon())));
  writeFileSync(join(outdir, OCCUPATIONS), JSON.stringify(shippedOccupations()));
  const data = JSON.parse(readFileSync(join(root, OCCUPATION_MODEL_FILE), 'utf8')) as OccupationModelData;
  writeFileSync(join(outdir, MODEL_SNAPSHOT), snapshotOccupationModel(data));
  return [LEXICON, OCCUPATIONS, MODEL_SNAPSHOT];
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

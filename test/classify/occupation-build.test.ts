import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escoFiles, hashFiles, RULE_INPUTS } from '../../src/build/esco.ts';
import { buildOccupationFiles } from '../../src/build/occupation-files.ts';

/**
 * What the reader ships from ESCO (occupations.json, occupation-model.json, the held-out set) must be what
 * `npm run build:occupations` makes from the current ESCO files and rule files. The rule files' hash is checked
 * always; with ESCO at hand (ROLECALL_ESCO_DIR names the folder) the ESCO hash too,
 * and the whole build is re-run and compared byte for byte.
 */
const root = join(import.meta.dirname, '..', '..');
const FIX = 'rebuild with: npm run build:occupations -- --esco <ESCO folder> (see src/build/occupations.ts)';
const escoDir = process.env.ROLECALL_ESCO_DIR ?? '';
const haveEsco = escoDir !== '' && existsSync(join(escoDir, 'occupations.tsv'));
const shipped = ['src/classify/data/occupations.json', 'src/classify/data/occupation-model.json'];

function recorded(file: string): string {
  const inputs = JSON.parse(readFileSync(join(root, file), 'utf8')).inputs;
  expect(typeof inputs, `${file} records no inputs; ${FIX}`).toBe('string');
  return inputs as string;
}

describe('ESCO build outputs are up to date (npm run build:occupations)', () => {
  it('were built from the current rule files (isco-functions, context rules, lexicon, morphology)', () => {
    const rules = hashFiles(
      RULE_INPUTS.map((file) => join(root, file)),
      RULE_INPUTS,
    );
    for (const file of shipped)
      expect(recorded(file), `${file} is stale: a rule file changed since it was built; ${FIX}`).toContain(
        `rules ${rules}`,
      );
  });

  it.runIf(haveEsco)(
    'are exactly what the build makes from the ESCO files at hand',
    () => {
      const esco = hashFiles(escoFiles(escoDir), escoFiles('esco'));
      for (const file of shipped)
        expect(recorded(file), `${file} was built from other ESCO files; ${FIX}`).toContain(`esco ${esco}`);
      const built = buildOccupationFiles(escoDir, root);
      for (const [path, content] of Object.entries(built.files)) {
        const current = readFileSync(join(root, path), 'utf8');
        expect(current === content, `${path} differs from a fresh build; ${FIX}`).toBe(true);
      }
    },
    600_000,
  );
});

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EscoInputError } from './esco.ts';
import { buildOccupationFiles } from './occupation-files.ts';

/**
 * `npm run build:occupations -- --esco <dir>`: derives what the title reader ships from ESCO's occupation labels
 * (see buildOccupationFiles) and writes it. `<dir>` holds ESCO's `occupations.tsv` (uri, ISCO-08 code, English
 * label) and `labels/<lang>.tsv` (uri, kind, label). Run it by hand when ESCO, the ISCO mapping, context-rules.json, lexicon.json or
 * morphology.json changes (test/classify/occupation-build.test.ts fails until you do); npm install never runs it.
 */
const root = join(import.meta.dirname, '../..');

function fail(message: string): never {
  console.error(`✖ ${message}`);
  console.error(
    'Usage: npm run build:occupations -- --esco <folder with occupations.tsv and labels/<lang>.tsv>',
  );
  process.exit(2);
}

let esco: string | undefined;
try {
  esco = parseArgs({ options: { esco: { type: 'string' } } }).values.esco;
} catch (error) {
  fail((error as Error).message);
}
if (!esco) fail('--esco is required');

try {
  const built = buildOccupationFiles(esco, root);
  for (const [path, content] of Object.entries(built.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const line of built.log) console.log(line.startsWith(' ') ? line : `✔ ${line}`);
} catch (error) {
  if (error instanceof EscoInputError) fail(error.message);
  throw error;
}

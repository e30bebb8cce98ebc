import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCanonicalizer } from '../classify/canonical.ts';
import iscoData from '../classify/data/isco-functions.json' with { type: 'json' };
import { IscoMappingSchema, iscoFunction } from '../classify/isco.ts';
import { compileRuleset, loadDefaultRuleset } from '../classify/lexicon.ts';
import { matchWords } from '../classify/match-words.ts';
import { prepare } from '../classify/prepare.ts';
import { createTitleReader } from '../classify/title-reader.ts';
import type { KnownFunction } from '../taxonomy.ts';
import {
  deriveWordTable,
  ESCO_LANGUAGES,
  type EscoOccupation,
  isHeldOut,
  splitGendered,
} from './occupation-words.ts';

/**
 * `npm run build:occupations -- --esco <dir>`: derives the occupation words the title reader ships
 * (src/classify/data/occupations.json) from ESCO's occupation labels, and writes the held-out occupations
 * (one in ten, all their labels in every language) to test/fixtures/esco-holdout/ for evaluation. `<dir>` holds
 * ESCO's `occupations.tsv` (uri, ISCO-08 code, English label) and `labels/<lang>.tsv` (uri, kind, label). Run it
 * by hand when ESCO, the ISCO mapping or morphology.json changes; npm install never runs it.
 */
const root = join(import.meta.dirname, '../..');

function fail(message: string): never {
  console.error(`✖ ${message}`);
  console.error(
    'Usage: npm run build:occupations -- --esco <folder with occupations.tsv and labels/<lang>.tsv>',
  );
  process.exit(2);
}

function rows(file: string): string[][] {
  if (!existsSync(file)) fail(`${file} is missing`);
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split('\t'));
}

let esco: string | undefined;
try {
  esco = parseArgs({ options: { esco: { type: 'string' } } }).values.esco;
} catch (error) {
  fail((error as Error).message);
}
if (!esco) fail('--esco is required');

const mapping = IscoMappingSchema.parse(iscoData);
const occupations = new Map<string, EscoOccupation>();
for (const [uri = '', isco = '', label = ''] of rows(join(esco, 'occupations.tsv'))) {
  const decision = iscoFunction(mapping.rules, isco, label);
  if (!decision) fail(`no rule in src/classify/data/isco-functions.json covers ISCO ${isco} (${label})`);
  occupations.set(uri, { uri, isco, label, function: decision.function, labels: {} });
}
for (const lang of ESCO_LANGUAGES) {
  const preferred = new Map<string, string[]>();
  const alternative = new Map<string, string[]>();
  for (const [uri = '', kind = '', label = ''] of rows(join(esco, 'labels', `${lang}.tsv`))) {
    if (!occupations.has(uri) || !label) continue;
    const into = kind === 'preferred' ? preferred : alternative;
    into.set(uri, [...(into.get(uri) ?? []), ...splitGendered(label)]);
  }
  for (const [uri, occupation] of occupations) {
    const labels = [...new Set([...(preferred.get(uri) ?? []), ...(alternative.get(uri) ?? [])])];
    if (labels.length > 0) occupation.labels[lang] = labels;
  }
}

// Where the hand lexicon reads an occupation's whole English name, its reading decides the function of the
// occupation's words in every language, so "Business Analyst" and "Geschäftsanalytiker" agree. Held-out
// occupations keep the ISCO mapping's function as their expected answer.
const lexicon = compileRuleset(loadDefaultRuleset());
const canonical = createCanonicalizer(lexicon);
const lexiconOnly = createTitleReader(loadDefaultRuleset());
let harmonised = 0;
const expected = new Map<string, KnownFunction>();
for (const occupation of occupations.values()) {
  expected.set(occupation.uri, occupation.function);
  const english = occupation.labels.en?.[0];
  if (!english) continue;
  const matched = matchWords(prepare(english, null, lexicon).tokens, lexicon, canonical);
  const reading = lexiconOnly(english);
  if (
    matched.unexplained.length > 0 ||
    reading.function === 'unknown' ||
    reading.function === occupation.function
  )
    continue;
  occupation.function = reading.function;
  harmonised += 1;
}

const all = [...occupations.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
const training = all.filter((occupation) => !isHeldOut(occupation.uri));
const heldOut = all.filter((occupation) => isHeldOut(occupation.uri));
const source =
  'ESCO occupation labels (© European Union, https://esco.ec.europa.eu; reuse authorised under Commission Decision 2011/833/EU), ' +
  `${training.length} of ${all.length} occupations in ${ESCO_LANGUAGES.length} languages; see NOTICE`;
const table = deriveWordTable(training, lexicon, source);

const out = join(root, 'src/classify/data/occupations.json');
writeFileSync(out, `${JSON.stringify(table.data, null, 1)}\n`);
const holdoutDir = join(root, 'test/fixtures/esco-holdout');
mkdirSync(holdoutDir, { recursive: true });
writeFileSync(
  join(holdoutDir, 'occupations.jsonl'),
  `${heldOut
    .map((o) =>
      JSON.stringify({ uri: o.uri.split('/').pop(), isco: o.isco, function: o.function, labels: o.labels }),
    )
    .join('\n')}\n`,
);
console.log(
  `✔ src/classify/data/occupations.json: ${table.words} words from ${training.length} occupations ` +
    `(${Object.entries(table.perFunction)
      .map(([fn, n]) => `${fn} ${n}`)
      .join(', ')}); ${table.ambiguous} ambiguous words`,
);
console.log(`  ${harmonised} occupations take the hand lexicon's reading of their English name`);
console.log(`✔ test/fixtures/esco-holdout/occupations.jsonl: ${heldOut.length} held-out occupations`);

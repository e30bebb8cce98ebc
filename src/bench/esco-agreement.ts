import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { agreementOf } from '../build/agreement.ts';
import { loadEsco } from '../build/esco.ts';
import { ESCO_LANGUAGES, isHeldOut } from '../build/occupation-words.ts';
import iscoData from '../classify/data/isco-functions.json' with { type: 'json' };
import { readTitle } from '../classify/index.ts';
import { ESCO_OCCUPATION_RULE, ESCO_WORD_MODEL_RULE } from '../classify/rule-names.ts';
import { loadDefaultRuleset } from '../classify/ruleset.ts';
import type { TitleResult } from '../taxonomy.ts';

/**
 * Dev script: how alike the reader reads the same ESCO occupation in its twelve languages, on the occupations the
 * build learns from (never the held-out tenth, isHeldOut). Per language: the share of preferred labels (and, with
 * --alternatives N, the first N alternative labels) whose function equals the reading of the English preferred
 * label, and equals the occupation's function (the ISCO-08 mapping, as the build harmonises it). The disagreements
 * are grouped by what decided them (a lexicon term and its word, an ESCO occupation word, the word model, a context
 * rule), so classes show: a word missing in one language, a place word deciding, a compound split wrongly.
 *
 * With --plural, each label is read again with its head noun in the plural (the commonest rule of its language; catalogues
 * name groups) and compared with its singular reading: plurals and gender forms a language's rules miss. With
 * --by-english the disagreements are grouped by what read the English label (the concept a language lacks), with
 * --lang xx only that language's are listed. Deterministic; about 4 s.
 *
 *   node --import tsx src/bench/esco-agreement.ts --esco <dir> [--alternatives 2] [--out file]
 *     [--plural] [--by-english] [--lang fr] [--top 60] [--examples 6]
 *
 * <dir> is the ESCO folder in the layout `npm run build:occupations` reads (README); ROLECALL_ESCO_DIR stands in for --esco.
 */
const { values } = parseArgs({
  options: {
    esco: { type: 'string', default: process.env.ROLECALL_ESCO_DIR },
    alternatives: { type: 'string', default: '0' },
    out: { type: 'string' },
    top: { type: 'string', default: '60' },
    examples: { type: 'string', default: '6' },
    lang: { type: 'string' },
    plural: { type: 'boolean', default: false },
    'by-english': { type: 'boolean', default: false },
  },
});
const alternatives = Number(values.alternatives);
const top = Number(values.top);
const exampleCount = Number(values.examples);

if (!values.esco) {
  console.error(
    'esco-agreement: name the ESCO folder with --esco <dir> (or ROLECALL_ESCO_DIR), the one build:occupations reads',
  );
  process.exit(2);
}
const { occupations } = loadEsco(values.esco, iscoData);
const training = occupations.filter((occupation) => !isHeldOut(occupation.uri));
const ruleset = loadDefaultRuleset();
const termFunction = new Map(ruleset.terms.map((term) => [term.id, term.function]));
const contextFunction = new Map(ruleset.contextRules.map((rule) => [rule.id, rule.set.function]));

/** What decided a reading's function: the layer and the word, as the reasons name them. */
function decider(result: TitleResult): string {
  const fn = result.function;
  if (fn === 'unknown') {
    const why = result.reasons.find((reason) => reason.startsWith('not understood'));
    return `unknown (${result.abstain ?? ''})${why ? `: ${why.slice(15)}` : ''}`;
  }
  const context = [...result.rules].reverse().find((id) => contextFunction.get(id) === fn);
  if (context) return `context ${context}`;
  if (result.rules.includes(ESCO_WORD_MODEL_RULE)) {
    const reason = result.reasons.find((r) => r.includes('ESCO word model')) ?? '';
    return `model ${reason.split(' → ')[0]}`;
  }
  if (result.rules.includes(ESCO_OCCUPATION_RULE)) {
    const reason = result.reasons.find((r) => r.includes('ESCO occupation word')) ?? '';
    const via = /ESCO occupation word '([^']+)'/.exec(reason)?.[1] ?? '?';
    return `table '${via}'`;
  }
  const id = result.rules.find((rule) => termFunction.get(rule) === fn) ?? '?';
  const reason = result.reasons.find((r) => r.includes(`→ ${fn}`) || r.includes(`, ${fn}`)) ?? '';
  const raw = /^'([^']+)'/.exec(reason)?.[1]?.toLowerCase() ?? '?';
  return `lexicon ${id} '${raw}'`;
}

const ROMANCE_STOP = new Set(
  'di de del della delle dei degli dello des du da do dos das per para pour en em in a à al au aux con com avec e y et ou o nel nella nei no na nos nas sur su'.split(
    ' ',
  ),
);

/** A plural of one word by the language's commonest rule: catalogues name groups, ESCO one person. */
function pluralWord(word: string, lang: string): string {
  const w = word;
  const ends = (suffix: string) => w.endsWith(suffix);
  const cut = (n: number) => w.slice(0, w.length - n);
  switch (lang) {
    case 'it':
      if (ends('io')) return `${cut(2)}i`;
      if (ends('co') || ends('go')) return `${cut(1)}i`;
      if (ends('ca') || ends('ga')) return `${cut(1)}he`;
      if (ends('ista') || ends('ta')) return `${cut(1)}i`;
      if (ends('o') || ends('e')) return `${cut(1)}i`;
      if (ends('a')) return `${cut(1)}e`;
      return w;
    case 'es':
      if (ends('ón')) return `${cut(2)}ones`;
      if (ends('z')) return `${cut(1)}ces`;
      if (/[aeiouáéó]$/.test(w)) return `${w}s`;
      if (ends('s')) return w;
      return `${w}es`;
    case 'pt':
      if (ends('ão')) return `${cut(2)}ões`;
      if (ends('al')) return `${cut(2)}ais`;
      if (ends('el')) return `${cut(2)}éis`;
      if (ends('m')) return `${cut(1)}ns`;
      if (/[rz]$/.test(w)) return `${w}es`;
      if (ends('s')) return w;
      return `${w}s`;
    case 'fr':
      if (/[sxz]$/.test(w)) return w;
      if (ends('al')) return `${cut(2)}aux`;
      if (ends('eau') || ends('eu')) return `${w}x`;
      return `${w}s`;
    case 'de':
      if (ends('mann')) return `${cut(4)}leute`;
      if (ends('in')) return `${w}nen`;
      if (/(er|el|en)$/.test(w)) return w;
      if (ends('e')) return `${w}n`;
      if (/(ent|ant|ist|at|oge|graf|graph|ik)$/.test(w)) return `${w}en`;
      return `${w}e`;
    case 'nl':
      if (ends('us')) return `${cut(2)}i`;
      if (ends('oog')) return `${cut(3)}ogen`;
      if (ends('aar')) return `${cut(3)}aren`;
      if (ends('man')) return `${cut(3)}lieden`;
      if (ends('e')) return `${w}n`;
      if (/(er|el|em|en|eur|ier|or|é)$/.test(w)) return `${w}s`;
      return `${w}en`;
    case 'sv':
      if (/(are|er)$/.test(w)) return w;
      if (ends('man')) return `${cut(3)}män`;
      if (ends('a')) return `${cut(1)}or`;
      if (ends('e')) return `${cut(1)}ar`;
      return `${w}er`;
    case 'da':
    case 'no':
      if (ends('er')) return `${w}e`;
      if (ends('e')) return `${w}r`;
      return `${w}er`;
    case 'en':
      if (ends('man')) return `${cut(3)}men`;
      if (/[^aeiou]y$/.test(w)) return `${cut(1)}ies`;
      if (/(s|sh|ch|x)$/.test(w)) return `${w}es`;
      return `${w}s`;
    default:
      return w;
  }
}

/**
 * The label with its head noun (and, in the Romance languages, the words agreeing with it) in the plural: the
 * words before the first preposition in the Romance languages; the last word before a comma in the Nordic ones;
 * one-word labels in German and Dutch (whose heads are hard to find in a phrase). Undefined when not attempted.
 */
function pluralLabel(label: string, lang: string): { plural: string; word: string } | undefined {
  const words = label.split(' ');
  if (['it', 'es', 'pt', 'fr'].includes(lang)) {
    const out: string[] = [];
    let stop = false;
    for (const word of words) {
      if (!stop && (ROMANCE_STOP.has(word.toLowerCase()) || /[,’'()]/.test(word))) stop = true;
      out.push(stop || /\d|-/.test(word) ? word : pluralWord(word, lang));
    }
    return { plural: out.join(' '), word: pluralWord(words[0] ?? '', lang) };
  }
  if (['sv', 'da', 'no', 'en'].includes(lang)) {
    const [head = '', ...rest] = label.split(',');
    const headWords = head.trim().split(' ');
    const at = lang === 'en' ? headWords.findIndex((w) => ['of', 'in', 'for'].includes(w)) : -1;
    const last = at > 0 ? at - 1 : headWords.length - 1;
    const word = pluralWord(headWords[last] ?? '', lang);
    headWords[last] = word;
    return { plural: [headWords.join(' '), ...rest].join(','), word };
  }
  if (words.length === 1 && !label.includes('-'))
    return { plural: pluralWord(label, lang), word: pluralWord(label, lang) };
  return undefined;
}

interface Tally {
  labels: number;
  withEnglish: number;
  agreeEnglish: number;
  agreeIsco: number;
}
interface Miss {
  lang: string;
  label: string;
  english: string;
  got: string;
  want: string;
}
const tally = new Map<string, Tally>();
const groups = new Map<string, Miss[]>();
const englishGroups = new Map<string, Miss[]>();

/** Files a miss under its group's key (one list a key, appended to, not copied on every miss). */
function addMiss(to: Map<string, Miss[]>, key: string, miss: Miss): void {
  const list = to.get(key);
  if (list) list.push(miss);
  else to.set(key, [miss]);
}
let crossAgreement = 0;
let unanimous = 0;

for (const occupation of training) {
  const englishLabel = occupation.labels.en?.[0];
  const englishResult = englishLabel ? readTitle(englishLabel) : undefined;
  const english = englishResult?.function;
  const englishDecider = englishResult ? decider(englishResult) : '';
  const preferred: string[] = [];
  for (const lang of ESCO_LANGUAGES) {
    const labels = occupation.labels[lang];
    if (!labels) continue;
    const row = tally.get(lang) ?? { labels: 0, withEnglish: 0, agreeEnglish: 0, agreeIsco: 0 };
    labels.slice(0, 1 + alternatives).forEach((label, i) => {
      let result = readTitle(label);
      if (values.plural) {
        const plural = pluralLabel(label, lang);
        if (!plural) return;
        const singular = result;
        result = readTitle(plural.plural);
        row.labels += 1;
        row.withEnglish += 1;
        row.agreeEnglish += Number(result.function === singular.function);
        row.agreeIsco += Number(result.function === occupation.function);
        if (result.function !== singular.function) {
          const key = `${decider(result)} [singular: ${decider(singular)}]`;
          const miss = {
            lang,
            label: plural.plural,
            english: label,
            got: result.function,
            want: singular.function,
          };
          addMiss(englishGroups, key, miss);
          const ending = `-${plural.word.slice(-4)} ${lang}`;
          addMiss(groups, ending, miss);
        }
        return;
      }
      if (i === 0) preferred.push(result.function);
      row.labels += 1;
      row.agreeIsco += Number(result.function === occupation.function);
      if (english !== undefined && lang !== 'en') {
        row.withEnglish += 1;
        row.agreeEnglish += Number(result.function === english);
      }
      const miss = {
        lang,
        label,
        english: `${englishLabel} [${english}]`,
        got: result.function,
        want: occupation.function,
      };
      if (values.lang && values.lang !== lang) return;
      if (result.function !== occupation.function) {
        const key = decider(result);
        addMiss(groups, key, miss);
      }
      // Disagreeing with English while English reads it right: the language's own miss.
      if (lang !== 'en' && english === occupation.function && result.function !== english) {
        const key = values['by-english'] ? `English ${englishDecider.replace(/ '.*$/, '')}` : decider(result);
        addMiss(englishGroups, key, miss);
      }
    });
    tally.set(lang, row);
  }
  const agreement = agreementOf(preferred);
  crossAgreement += agreement.share;
  unanimous += Number(agreement.unanimous);
}

const pct = (n: number, of: number) => `${((n / Math.max(1, of)) * 100).toFixed(1)}%`.padStart(6);
const lines: string[] = [];
const compared = values.plural ? 'singular reading' : 'English reading';
lines.push(
  `ESCO agreement on ${training.length} training occupations (held-out excluded), preferred labels${alternatives ? ` + ${alternatives} alternatives` : ''}`,
);
let all = { labels: 0, withEnglish: 0, agreeEnglish: 0, agreeIsco: 0 };
let foreign = { labels: 0, agreeIsco: 0 };
for (const [lang, row] of tally) {
  all = {
    labels: all.labels + row.labels,
    withEnglish: all.withEnglish + row.withEnglish,
    agreeEnglish: all.agreeEnglish + row.agreeEnglish,
    agreeIsco: all.agreeIsco + row.agreeIsco,
  };
  if (lang !== 'en')
    foreign = { labels: foreign.labels + row.labels, agreeIsco: foreign.agreeIsco + row.agreeIsco };
  lines.push(
    `  ${lang}  ${String(row.labels).padStart(5)} labels  = ${compared} ${lang === 'en' && !values.plural ? '     -' : pct(row.agreeEnglish, row.withEnglish)}  = ISCO function ${pct(row.agreeIsco, row.labels)}`,
  );
}
lines.push(
  `  all ${String(all.labels).padStart(5)} labels  = ${compared} ${pct(all.agreeEnglish, all.withEnglish)}  = ISCO function ${pct(all.agreeIsco, all.labels)} (non-English ${pct(foreign.agreeIsco, foreign.labels)})`,
);
lines.push(
  values.plural
    ? '  (plural labels against their singular readings: no cross-lingual agreement)'
    : `  cross-lingual agreement (preferred labels, as esco-holdout.test.ts): ${pct(crossAgreement, training.length)}; all languages agree on ${pct(unanimous, training.length)}`,
);
const summary = lines.join('\n');

function report(title: string, from: Map<string, Miss[]>): string[] {
  const out = [`\n## ${title}`];
  const sorted = [...from].sort((a, b) => b[1].length - a[1].length);
  for (const [key, misses] of sorted.slice(0, top)) {
    const byLang = new Map<string, number>();
    for (const miss of misses) byLang.set(miss.lang, (byLang.get(miss.lang) ?? 0) + 1);
    const langs = [...byLang]
      .sort((a, b) => b[1] - a[1])
      .map(([lang, n]) => `${lang} ${n}`)
      .join(', ');
    out.push(`${misses.length}  ${key}  (${langs})`);
    for (const miss of misses.slice(0, exampleCount))
      out.push(`    ${miss.lang} "${miss.label}" → ${miss.got}, want ${miss.want}; en ${miss.english}`);
  }
  return out;
}

const details = [
  summary,
  ...report('Non-English labels read differently from a right English reading, by decider', englishGroups),
  ...report('All labels read differently from the occupation function, by decider', groups),
].join('\n');
process.stdout.write(`${summary}\n`);
if (values.out) writeFileSync(values.out, `${details}\n`);

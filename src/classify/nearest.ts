import { FUNCTIONS, type KnownFunction } from '../taxonomy.ts';
import type { Word } from './match-words.ts';
import { boundedMemo } from './memo.ts';

/**
 * The ESCO word model (data/occupation-model.json, built by `npm run build:occupations`): every word of the
 * training occupations' labels in twelve languages, folded and lemmatised like title words, with how many
 * occupations of each function use it. The reader asks it only when rules and the occupation words named no
 * function, or the rules only a weak hint (technician, analyst). A word it does not hold is met by its nearest held words by character trigrams ("marktforscherinnen"
 * → "marktforscher"), so unseen inflections, compounds and misspellings still count.
 */
export interface OccupationModelData {
  source: string;
  /** Hash of the ESCO files, the ISCO mapping and the morphology the model was built from (staleness test). */
  inputs: string;
  /** Chosen on the tuning split at build time (see `tuning`); never on the held-out occupations. */
  minShare: number;
  /** Least vote for the function: similarity × how clearly each word points to one function, summed. */
  minEvidence: number;
  /**
   * Least share × evidence: a clear single word (share 1, evidence 0.3) and a broad agreement of several
   * (share 0.5, evidence 0.6) both pass, a weak and split vote does not. Absent in older files: 0.
   */
  minScore?: number;
  minSimilarity: number;
  tuning: string;
  /** "fnIndex:count fnIndex:count" (FUNCTIONS order) → the words with exactly these counts, space-separated. */
  groups: Record<string, string>;
}

export interface NearestReading {
  function: KnownFunction;
  /** Share of the evidence for the function (0..1). */
  share: number;
  /** The function's vote: similarity × how clearly each word points to one function, summed over words. */
  strength: number;
  /** The title words that voted and the model words they met, with trigram similarity (1 = the word itself). */
  evidence: { raw: string; via: string; similarity: number }[];
}

export interface OccupationModel {
  readonly size: number;
  /**
   * `free`: the words the rules left unexplained, in title order, with `ranks` among them: words the rules read
   * only as a rank ("operator", "Mitarbeiter"), which vote when the model holds them but are never strangers.
   */
  read(free: readonly Word[], ranks?: ReadonlySet<Word>): NearestReading | undefined;
}

/** Title words shorter than this are not looked up; fuzzy lookups need a longer word. */
const MIN_WORD = 4;
const MIN_FUZZY = 5;
/**
 * A reading needs one word the model knows well: exactly, or a neighbour at least this close. A reading from distant
 * neighbours only ("Zorblax Wrangler": wrangler ~ wrapper, 0.59) is a guess from strangers (ESCO held-out: those
 * readings were right about half the time, below the model's 60 % precision).
 */
const MIN_BEST_SIMILARITY = 0.6;
/** Neighbours pooled for a word the model does not hold. */
const NEIGHBOURS = 5;
/** Trigrams in more model words than this carry almost no information and are skipped (bounded cost). */
const MAX_POSTINGS = 1500;

export interface Entry {
  word: string;
  /** Probability of each function (FUNCTIONS order) among the occupations using the word. */
  dist: Float64Array;
  /** 1 − normalised entropy: a word used by one function only weighs 1. */
  weight: number;
}

/** The distinct trigrams of ^word$ as numbers (three UTF-16 units, 17 bits each: no collisions, no strings). */
export function trigrams(word: string): number[] {
  const out: number[] = [];
  let a = 0x5e; // ^
  let b = word.charCodeAt(0);
  for (let i = 1; i <= word.length; i++) {
    const c = i < word.length ? word.charCodeAt(i) : 0x24; // $
    const key = a * 2 ** 34 + b * 2 ** 17 + c;
    if (!out.includes(key)) out.push(key);
    a = b;
    b = c;
  }
  return out;
}

export function decode(groups: Record<string, string>): Entry[] {
  const entries: Entry[] = [];
  const log = Math.log(FUNCTIONS.length);
  for (const [signature, list] of Object.entries(groups)) {
    const dist = new Float64Array(FUNCTIONS.length);
    let total = 0;
    for (const part of signature.split(' ')) {
      const [fn = '', count = ''] = part.split(':');
      dist[Number(fn)] = Number(count);
      total += Number(count);
    }
    let entropy = 0;
    for (let i = 0; i < dist.length; i++) {
      dist[i] = (dist[i] ?? 0) / total;
      const p = dist[i] ?? 0;
      if (p > 0) entropy -= p * Math.log(p);
    }
    // More occupations make a word's distribution more trustworthy: one occupation counts half.
    const support = total >= 2 ? 1 : 0.5;
    const weight = (1 - entropy / log) * support;
    for (const word of list.split(' ')) if (word) entries.push({ word, dist, weight });
  }
  return entries;
}

export interface TrigramIndex {
  ids: Map<number, number>;
  /** Postings of trigram g: words[offsets[g] .. offsets[g + 1]). */
  offsets: Int32Array;
  words: Int32Array;
  /** Squared IDF of each trigram, and each word's TF-IDF norm. */
  weights: Float64Array;
  norms: Float64Array;
}

/** One pass to count, one to fill: a flat postings array, so building takes a fraction of a second. */
export function buildIndex(entries: readonly Entry[]): TrigramIndex {
  const ids = new Map<number, number>();
  const grams: Int32Array[] = entries.map((entry) => {
    const list = trigrams(entry.word).map((gram) => {
      let id = ids.get(gram);
      if (id === undefined) {
        id = ids.size;
        ids.set(gram, id);
      }
      return id;
    });
    return Int32Array.from(list);
  });
  const counts = new Int32Array(ids.size + 1);
  for (const list of grams) for (const id of list) counts[id + 1] = (counts[id + 1] ?? 0) + 1;
  const offsets = new Int32Array(ids.size + 1);
  for (let g = 0; g < ids.size; g++) offsets[g + 1] = (offsets[g] ?? 0) + (counts[g + 1] ?? 0);
  const fill = offsets.slice(0, ids.size);
  const words = new Int32Array(offsets[ids.size] ?? 0);
  grams.forEach((list, word) => {
    for (const id of list) {
      const at = fill[id] ?? 0;
      words[at] = word;
      fill[id] = at + 1;
    }
  });
  const weights = new Float64Array(ids.size);
  for (let g = 0; g < ids.size; g++) {
    const df = (offsets[g + 1] ?? 0) - (offsets[g] ?? 0);
    weights[g] = Math.log(entries.length / df) ** 2;
  }
  const norms = new Float64Array(entries.length);
  grams.forEach((list, word) => {
    let sum = 0;
    for (const id of list) sum += weights[id] ?? 0;
    norms[word] = Math.sqrt(sum);
  });
  return { ids, offsets, words, weights, norms };
}

interface Neighbour {
  entry: Entry;
  similarity: number;
}

const MAX_CACHE = 20_000;

/** What the model's thresholds are read from: the model data without its word groups. */
export type OccupationModelParameters = Pick<
  OccupationModelData,
  'minShare' | 'minEvidence' | 'minScore' | 'minSimilarity'
>;

/**
 * The model's words, by position (the position the trigram index names): the decoded entries and a map, or
 * the compiled CLI's snapshot tables (model-snapshot.ts), which make an entry only when it is asked for.
 */
export interface ModelWords {
  readonly size: number;
  /** The entry of this exact word, if the model holds it. */
  find(word: string): Entry | undefined;
  at(position: number): Entry | undefined;
}

export function entryWords(entries: readonly Entry[]): ModelWords {
  const exact = new Map<string, Entry>();
  for (const entry of entries) exact.set(entry.word, entry);
  return { size: entries.length, find: (word) => exact.get(word), at: (position) => entries[position] };
}

/** Builds the exact lookup at once and the trigram index on the first word that needs it. */
export function compileOccupationModel(data: OccupationModelData): OccupationModel {
  const entries = decode(data.groups);
  return modelOver(data, entryWords(entries), () => buildIndex(entries));
}

/** The model over its words and their trigram index (built when first needed). */
export function modelOver(
  data: OccupationModelParameters,
  entries: ModelWords,
  buildTrigrams: () => TrigramIndex,
): OccupationModel {
  let index: TrigramIndex | undefined;
  const scores = new Float64Array(entries.size);
  const touched: number[] = [];

  /** Model words sharing rare trigrams with the word, by TF-IDF cosine; common trigrams are skipped. */
  const search = (word: string): readonly Neighbour[] => {
    index ??= buildTrigrams();
    const { ids, offsets, words, weights, norms } = index;
    let queryNorm = 0;
    for (const gram of trigrams(word)) {
      const id = ids.get(gram);
      const weight = id === undefined ? Math.log(entries.size) ** 2 : (weights[id] ?? 0);
      queryNorm += weight;
      if (id === undefined) continue;
      const from = offsets[id] ?? 0;
      const to = offsets[id + 1] ?? 0;
      if (to - from > MAX_POSTINGS) continue;
      for (let at = from; at < to; at++) {
        const hit = words[at] ?? 0;
        if (scores[hit] === 0) touched.push(hit);
        scores[hit] = (scores[hit] ?? 0) + weight;
      }
    }
    queryNorm = Math.sqrt(queryNorm);
    const found: Neighbour[] = [];
    for (const hit of touched) {
      const similarity = (scores[hit] ?? 0) / (queryNorm * (norms[hit] ?? 1));
      scores[hit] = 0;
      const entry = similarity >= data.minSimilarity ? entries.at(hit) : undefined;
      if (entry) found.push({ entry, similarity });
    }
    touched.length = 0;
    found.sort((a, b) => b.similarity - a.similarity || (a.entry.word < b.entry.word ? -1 : 1));
    return found.slice(0, NEIGHBOURS);
  };

  const nearest = boundedMemo({ compute: search, limit: MAX_CACHE });

  return {
    size: entries.size,
    read(free, ranks) {
      if (entries.size === 0) return undefined;
      const votes = new Float64Array(FUNCTIONS.length);
      const evidence: NearestReading['evidence'] = [];
      let written = 0;
      let known = 0;
      let previous = -1;
      for (const word of free) {
        // Compound parts share their written word: the first part that the model knows votes for it.
        const fresh = word.source !== previous;
        const rank = ranks?.has(word) === true;
        if (fresh && !rank) written += 1;
        else if (!fresh && evidence.at(-1)?.raw === word.raw) continue;
        previous = word.source;
        if (word.text.length < MIN_WORD) continue;
        const direct = entries.find(word.text);
        const neighbours: readonly Neighbour[] = direct
          ? [{ entry: direct, similarity: 1 }]
          : word.text.length >= MIN_FUZZY
            ? nearest.get(word.text)
            : [];
        if (neighbours.length === 0) continue;
        let total = 0;
        const pooled = new Float64Array(FUNCTIONS.length);
        for (const { entry, similarity } of neighbours) {
          const w = similarity * similarity * entry.weight;
          total += similarity * similarity;
          for (let i = 0; i < pooled.length; i++) pooled[i] = (pooled[i] ?? 0) + w * (entry.dist[i] ?? 0);
        }
        const best = neighbours[0];
        if (!best || total === 0) continue;
        for (let i = 0; i < votes.length; i++)
          votes[i] = (votes[i] ?? 0) + best.similarity * ((pooled[i] ?? 0) / total);
        if (!rank) known += 1;
        evidence.push({ raw: word.raw, via: best.entry.word, similarity: best.similarity });
      }
      // Most of the words must be occupation words: one known word among strangers is a guess.
      if (known === 0 || known * 2 < written) return undefined;
      if (!evidence.some((e) => e.similarity >= MIN_BEST_SIMILARITY)) return undefined;
      let top = 0;
      let sum = 0;
      for (let i = 0; i < votes.length; i++) {
        sum += votes[i] ?? 0;
        if ((votes[i] ?? 0) > (votes[top] ?? 0)) top = i;
      }
      const share = sum > 0 ? (votes[top] ?? 0) / sum : 0;
      const fn = FUNCTIONS[top];
      const strength = votes[top] ?? 0;
      if (
        !fn ||
        share < data.minShare ||
        strength < data.minEvidence ||
        share * strength < (data.minScore ?? 0)
      )
        return undefined;
      return { function: fn, share, strength: votes[top] ?? 0, evidence };
    },
  };
}

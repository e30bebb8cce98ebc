import { FUNCTIONS } from '../taxonomy.ts';
import {
  buildIndex,
  decode,
  type Entry,
  type ModelWords,
  modelOver,
  type OccupationModel,
  type OccupationModelData,
  type OccupationModelParameters,
  type TrigramIndex,
} from './nearest.ts';

/**
 * The ESCO word model with its tables already built, as one binary file: the compiled CLI's build writes it
 * (src/build/shipped-data.ts; ~4.9 MB in dist/cli, never in the repository or a browser bundle), so a start reads typed
 * arrays instead of decoding the word groups and building the trigram index (~0.4 s on a quiet machine, 2 s on a
 * busy one). The numbers are the ones `decode` and `buildIndex` computed, stored as they are, so the restored
 * model answers exactly as `compileOccupationModel` does (test/classify/model-snapshot.test.ts). Exact words are
 * found through a hash table built here too, so no map of the ~48,000 words is made at start either.
 *
 * Layout: "RCM1", the header's byte length (u32, little-endian), the header (JSON), then the sections in
 * `Header.lengths` order, each starting on a multiple of 8 bytes.
 */
const MAGIC = 'RCM1';

interface Header extends OccupationModelParameters {
  /** Functions per distribution (FUNCTIONS.length when built); another count means another build. */
  functions: number;
  /** Byte length of each section: words, starts, group, dists, weights, slots, grams, offsets, postings, gramWeights, norms. */
  lengths: number[];
}
const SECTIONS = 11;

const align = (at: number) => Math.ceil(at / 8) * 8;

/** FNV-1a over UTF-16 code units: the slot of a word in the hash table. */
function hash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Builds the model's tables from its data, as the run-time model does, and writes them. */
export function snapshotOccupationModel(data: OccupationModelData): Uint8Array {
  const entries = decode(data.groups);
  const index = buildIndex(entries);
  const starts = new Int32Array(entries.length + 1);
  entries.forEach((entry, at) => {
    starts[at + 1] = (starts[at] ?? 0) + entry.word.length;
  });
  const groups = new Map<Float64Array, number>();
  const group = new Int32Array(entries.length);
  entries.forEach((entry, at) => {
    let id = groups.get(entry.dist);
    if (id === undefined) {
      id = groups.size;
      groups.set(entry.dist, id);
    }
    group[at] = id;
  });
  const functions = FUNCTIONS.length;
  const dists = new Float64Array(groups.size * functions);
  const weights = new Float64Array(groups.size);
  entries.forEach((entry, at) => {
    const id = group[at] ?? 0;
    dists.set(entry.dist, id * functions);
    weights[id] = entry.weight;
  });
  // Open addressing, at most half full: position + 1 in the word's slot or the next free one.
  let size = 1;
  while (size < entries.length * 2) size *= 2;
  const slots = new Int32Array(size);
  entries.forEach((entry, at) => {
    let slot = hash(entry.word) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = at + 1;
  });
  const grams = new Float64Array(index.ids.size);
  for (const [gram, id] of index.ids) grams[id] = gram;
  const arrays = [
    starts,
    group,
    dists,
    weights,
    slots,
    grams,
    index.offsets,
    index.words,
    index.weights,
    index.norms,
  ];
  const parts: Uint8Array[] = [
    new TextEncoder().encode(entries.map((entry) => entry.word).join('')),
    ...arrays.map((array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength)),
  ];
  const header: Header = {
    minShare: data.minShare,
    minEvidence: data.minEvidence,
    minScore: data.minScore ?? 0,
    minSimilarity: data.minSimilarity,
    functions,
    lengths: parts.map((part) => part.byteLength),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let total = align(8 + headerBytes.byteLength);
  for (const part of parts) total = align(total + part.byteLength);
  const out = new Uint8Array(total);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(4, headerBytes.byteLength, true);
  out.set(headerBytes, 8);
  let at = align(8 + headerBytes.byteLength);
  for (const part of parts) {
    out.set(part, at);
    at = align(at + part.byteLength);
  }
  return out;
}

/** The model over a snapshot's tables; throws on bytes that are not one (the caller falls back to the JSON). */
export function restoreOccupationModel(bytes: Uint8Array): OccupationModel {
  // Typed arrays need aligned offsets: copy unless the bytes start on a multiple of 8.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { buffer } = own;
  if (own.byteLength < 8 || new TextDecoder().decode(own.subarray(0, 4)) !== MAGIC)
    throw new Error('not a model snapshot');
  const headerLength = new DataView(buffer, own.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(own.subarray(8, 8 + headerLength))) as Header;
  if (header.lengths?.length !== SECTIONS || header.functions !== FUNCTIONS.length)
    throw new Error('model snapshot of another layout');
  let at = align(8 + headerLength);
  const starts = header.lengths.map((length) => {
    const start = at;
    at = align(at + length);
    return own.byteOffset + start;
  });
  if (at > own.byteLength) throw new Error('model snapshot is cut short');
  const section = (i: number) => ({ start: starts[i] ?? 0, length: header.lengths[i] ?? 0 });
  const int32 = (i: number) => new Int32Array(buffer, section(i).start, section(i).length / 4);
  const float64 = (i: number) => new Float64Array(buffer, section(i).start, section(i).length / 8);
  const all = new TextDecoder().decode(new Uint8Array(buffer, section(0).start, section(0).length));
  const [wordStarts, group, dists, weights, slots] = [int32(1), int32(2), float64(3), float64(4), int32(5)];
  const count = group.length;
  if (wordStarts.length !== count + 1 || wordStarts[count] !== all.length)
    throw new Error('model snapshot words and tables disagree');
  const { functions } = header;
  const [grams, offsets, postings, gramWeights, norms] = [
    float64(6),
    int32(7),
    int32(8),
    float64(9),
    float64(10),
  ];
  const consistent =
    dists.length === weights.length * functions &&
    slots.length > count &&
    (slots.length & (slots.length - 1)) === 0 &&
    offsets.length === grams.length + 1 &&
    postings.length === offsets[grams.length] &&
    gramWeights.length === grams.length &&
    norms.length === count;
  if (!consistent) throw new Error('model snapshot tables disagree');
  const entryAt = (position: number): Entry | undefined => {
    if (position < 0 || position >= count) return undefined;
    const id = group[position] ?? 0;
    return {
      word: all.slice(wordStarts[position], wordStarts[position + 1]),
      dist: dists.subarray(id * functions, (id + 1) * functions),
      weight: weights[id] ?? 0,
    };
  };
  const mask = slots.length - 1;
  const words: ModelWords = {
    size: count,
    find(word) {
      // At most one probe per slot: damaged slots can never loop forever.
      for (let probe = 0, slot = hash(word) & mask; probe < slots.length; probe++, slot = (slot + 1) & mask) {
        const position = (slots[slot] ?? 0) - 1;
        if (position < 0) return undefined;
        const start = wordStarts[position] ?? 0;
        if ((wordStarts[position + 1] ?? 0) - start === word.length && all.startsWith(word, start))
          return entryAt(position);
      }
      return undefined;
    },
    at: entryAt,
  };
  const index = (): TrigramIndex => {
    const ids = new Map<number, number>();
    for (let id = 0; id < grams.length; id++) ids.set(grams[id] ?? 0, id);
    return { ids, offsets, words: postings, weights: gramWeights, norms };
  };
  return modelOver(header, words, index);
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Word } from '../../src/classify/match-words.ts';
import { lazyOccupationModel, OCCUPATION_MODEL_FILE } from '../../src/classify/model-file.ts';
import { restoreOccupationModel, snapshotOccupationModel } from '../../src/classify/model-snapshot.ts';
import { compileOccupationModel, type OccupationModelData } from '../../src/classify/nearest.ts';
import { packageRoot } from '../../src/package-root.ts';

const data = JSON.parse(
  readFileSync(join(packageRoot(), OCCUPATION_MODEL_FILE), 'utf8'),
) as OccupationModelData;
const compiled = compileOccupationModel(data);
const bytes = snapshotOccupationModel(data);

/** One in four labels of the held-out ESCO occupations (twelve languages), as title words (folded, no lemmas). */
const heldOut: Word[][] = readFileSync(
  join(packageRoot(), 'test/fixtures/esco-holdout/occupations.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line.trim() !== '')
  .flatMap((line) => Object.values(JSON.parse(line).labels as Record<string, string[]>).flat())
  .filter((_label, index) => index % 4 === 0)
  .map((label) =>
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}]+/u)
      .filter((text) => text !== '')
      .map((text, source) => ({ text, raw: text, sep: false, source, segment: 0, stop: false })),
  );

describe('the ESCO word model snapshot the compiled CLI reads', () => {
  it('answers held-out ESCO labels exactly as the model built from its data', () => {
    // Unaligned bytes, as a file read into a pooled buffer can be: restoring copies them.
    const shifted = new Uint8Array(bytes.byteLength + 3).subarray(3);
    shifted.set(bytes);
    const restored = restoreOccupationModel(shifted);
    expect(restored.size).toBe(compiled.size);
    let answered = 0;
    const differ: string[] = [];
    for (const words of heldOut) {
      // Every word is left to the model (most are inflected or compound: met by trigram neighbours).
      const want = compiled.read(words);
      if (want) answered += 1;
      if (JSON.stringify(restored.read(words)) !== JSON.stringify(want))
        differ.push(words.map((w) => w.raw).join(' '));
    }
    expect(differ).toEqual([]);
    expect(answered).toBeGreaterThan(heldOut.length / 3); // the comparison went through real answers
  });

  it('refuses bytes that are not a whole snapshot of this layout', () => {
    expect(() => restoreOccupationModel(new Uint8Array(0))).toThrow(/not a model snapshot/);
    expect(() => restoreOccupationModel(new TextEncoder().encode('{"groups":{}}'))).toThrow(
      /not a model snapshot/,
    );
    expect(() => restoreOccupationModel(bytes.subarray(0, bytes.byteLength - 4096))).toThrow(/cut short/);
    const header = bytes.slice();
    const headerLength = new DataView(header.buffer).getUint32(4, true);
    const text = new TextDecoder().decode(header.subarray(8, 8 + headerLength));
    // Another count of functions, written in the same number of bytes: a snapshot from another taxonomy.
    const other = text.replace(
      /"functions":(\d+)/,
      (_all, n: string) =>
        `"functions":${String(Number(n) + 1)
          .padStart(n.length, '0')
          .slice(-n.length)}`,
    );
    expect(other).not.toBe(text);
    header.set(new TextEncoder().encode(other), 8);
    expect(() => restoreOccupationModel(header)).toThrow(/another layout/);
  });

  it('falls back to the model data when the snapshot is missing', () => {
    const model = lazyOccupationModel('no-such-snapshot.bin')();
    expect(model?.size).toBe(compiled.size);
  });
});

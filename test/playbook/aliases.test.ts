import { describe, expect, it } from 'vitest';
import { loadPlaybookData } from '../../src/playbook/load.ts';
import { baseData, type Data, REVIEW_DAY } from './base.ts';

const load = (data: Data) => loadPlaybookData(data, 'pb.yaml', { today: REVIEW_DAY });

describe('reviewedAt and its old name lastReviewed', () => {
  it('reads lastReviewed as reviewedAt and warns on that field to rename it', () => {
    const data = baseData();
    const persona = data.personas[1];
    persona.lastReviewed = persona.reviewedAt;
    delete persona.reviewedAt;
    const loaded = load(data);
    expect(loaded.errors).toEqual([]);
    expect(loaded.value?.personas[1]?.reviewedAt).toBe(persona.lastReviewed);
    expect(loaded.value?.personas[1]).not.toHaveProperty('lastReviewed');
    const warning = loaded.warnings.find((w) => w.path === 'personas[1].lastReviewed');
    expect(warning?.message).toContain('rename it');
    expect(warning?.message).toContain('"reviewedAt"');
  });

  it('applies to negative personas too, and keeps reviewedAt when both are set', () => {
    const data = baseData();
    data.negativePersonas[0].lastReviewed = '2020-01-01';
    const loaded = load(data);
    expect(loaded.errors).toEqual([]);
    expect(loaded.value?.negativePersonas[0]?.reviewedAt).toBe(data.negativePersonas[0].reviewedAt);
    expect(loaded.warnings.map((w) => w.path)).toContain('negativePersonas[0].lastReviewed');
    expect(loaded.warnings.find((w) => w.path === 'negativePersonas[0].lastReviewed')?.message).toContain(
      'delete "lastReviewed"',
    );
  });

  it('a playbook without reviewedAt nor lastReviewed is an error on the persona', () => {
    const data = baseData();
    delete data.personas[0].reviewedAt;
    const loaded = load(data);
    expect(loaded.value).toBeNull();
    expect(loaded.errors.map((e) => e.path)).toContain('personas[0].reviewedAt');
  });

  it('does not change the data it was given', () => {
    const data = baseData();
    data.personas[0].lastReviewed = data.personas[0].reviewedAt;
    delete data.personas[0].reviewedAt;
    load(data);
    expect(data.personas[0]).toHaveProperty('lastReviewed');
  });
});

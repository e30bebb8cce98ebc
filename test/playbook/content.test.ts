import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { guidanceFor, isTemplate, personaDetail } from '../../src/playbook/guidance.ts';
import { findPersona } from '../../src/playbook/helpers.ts';
import { loadPlaybookData } from '../../src/playbook/load.ts';
import { ageWords, reviewStatus, stalePersonas } from '../../src/playbook/review.ts';
import type { Persona } from '../../src/playbook/schema.ts';
import { baseData, type Data, REVIEW_DAY } from './base.ts';

const load = (data: Data) => loadPlaybookData(data, 'team.yaml', { today: REVIEW_DAY });
const persona = (id: string) => findPersona(defaultPlaybook, id) as Persona;

describe('template guard', () => {
  it('never hands a template quote or objection to a rep, and counts what it left out', () => {
    const detail = personaDetail(persona('finance_leader'));
    expect(detail.painPoints).toEqual([]);
    expect(detail.templatesHidden).toBe(persona('finance_leader').painPoints.length);
    const it = guidanceFor(defaultPlaybook, persona('it_security_reviewer'), 'technical_evaluator');
    expect(it.objections.some((o) => o.template)).toBe(false);
    expect(it.templatesHidden).toBe(1);
  });

  it('shows a real quote once the template marker is gone', () => {
    const data = baseData();
    data.personas[1].painPoints[0] = {
      quote: 'We closed the books three days late because of the forecast.',
      source: 'Discovery call, Acme',
      date: '2026-10-02',
    };
    const loaded = load(data);
    const detail = personaDetail(loaded.value?.personas[1] as Persona);
    expect(detail.painPoints.map((p) => p.quote)).toEqual([
      'We closed the books three days late because of the forecast.',
    ]);
    expect(loaded.warnings.map((w) => w.path)).not.toContain('personas[1].painPoints[0]');
  });

  it('treats an old copy whose source says "template: …" as a template too', () => {
    expect(isTemplate({ source: 'template: replace with a quote from your own calls' })).toBe(true);
    expect(isTemplate({ source: 'Win/loss review, Q3' })).toBe(false);
    const data = baseData();
    data.personas[0].painPoints[0] = {
      quote: 'A quote someone copied from the old default file.',
      source: 'template: replace with a quote from your own calls',
    };
    expect(load(data).warnings.map((w) => w.path)).toContain('personas[0].painPoints[0]');
  });

  it('warns once for the example marker and stops when it is removed', () => {
    const data = baseData();
    expect(load(data).warnings.filter((w) => w.path === 'example')).toHaveLength(1);
    data.example = false;
    expect(load(data).warnings.filter((w) => w.path === 'example')).toHaveLength(0);
  });
});

describe('every role gets guidance', () => {
  it.each([
    ['gatekeeper', /approvals/],
    ['legal_and_compliance', /data-processing agreement/],
    ['influencer', /team/],
    ['blocker', /costs them/],
  ])('%s with no persona gets the role talking points, questions and objections', (role, pattern) => {
    const g = guidanceFor(defaultPlaybook, null, role);
    expect(g.from).toBe('role');
    expect(g.talkingPoints.join(' ')).toMatch(pattern);
    expect(g.questions.length).toBeGreaterThan(0);
  });

  it("prefers the persona's own points and adds the role's questions after the persona's", () => {
    const g = guidanceFor(defaultPlaybook, persona('finance_leader'), 'economic_buyer');
    expect(g.from).toBe('persona');
    expect(g.talkingPoints).toEqual(persona('finance_leader').talkingPoints.economic_buyer);
    expect(g.questions.slice(0, 3)).toEqual(persona('finance_leader').discoveryQuestions);
  });

  it('has nothing for "other" or an unknown role', () => {
    expect(guidanceFor(defaultPlaybook, null, 'other').from).toBe('none');
    expect(guidanceFor(defaultPlaybook, null, 'nonsense').talkingPoints).toEqual([]);
  });
});

describe('persona fields as the guides define them', () => {
  it('keeps filled parts and drops empty ones', () => {
    const full = personaDetail(persona('function_leader'));
    expect(full.successMetrics.length).toBeGreaterThan(0);
    expect(full.evaluation?.criteria.length).toBeGreaterThan(0);
    expect(full.evaluation?.timeline).toBeTruthy();
    expect(full.triggerEvents.length).toBeGreaterThan(0);
    const data = baseData();
    delete data.personas[2].evaluation;
    delete data.personas[2].successMetrics;
    data.personas[2].triggerEvents = [];
    const bare = personaDetail(load(data).value?.personas[2] as Persona);
    expect(bare.evaluation).toBeNull();
    expect(bare.successMetrics).toEqual([]);
    expect(bare.triggerEvents).toEqual([]);
  });
});

describe('engineering is not IT', () => {
  it('flags a rule that makes a function the product did not name a technical evaluator', () => {
    const data = baseData();
    const rule = data.roleRules.find((r: Data) => r.id === 'technical');
    rule.match = { functions: ['it', 'engineering'] };
    const texts = load(data).warnings.map((w) => w.text);
    expect(texts.join('\n')).toContain(
      'rule "technical" makes engineering technical evaluators, but product.technicalFunctions names only it',
    );
  });

  it('flags a rule that makes anyone a technical evaluator, and leaves keyword rules alone', () => {
    const data = baseData();
    data.roleRules.push({
      id: 'everyone-reviews',
      match: { seniorityMin: 'manager' },
      assign: { role: 'influencer', extraRoles: ['technical_evaluator'] },
      note: 'Everyone reviews everything here.',
      confidence: 0.3,
    });
    const texts = load(data).warnings.map((w) => w.text);
    expect(texts.join('\n')).toContain('rule "everyone-reviews" makes people of any function technical');
    expect(texts.join('\n')).not.toContain('"revenue-operations" makes');
  });

  it('the default names only IT as technical', () => {
    expect(defaultPlaybook.product.technicalFunctions).toEqual(['it']);
  });
});

describe('review dates', () => {
  it('says the age the way a person does', () => {
    expect(ageWords(0)).toBe('today');
    expect(ageWords(12)).toBe('12 days ago');
    expect(ageWords(213)).toBe('7 months ago');
    expect(ageWords(400)).toBe('1 year ago');
    expect(ageWords(600)).toBe('1 year and 8 months ago');
  });

  it('flags a persona past the interval, oldest first, and only those', () => {
    const data = baseData();
    data.personas[1].reviewedAt = '2026-01-10';
    data.personas[2].reviewedAt = '2026-04-01';
    const playbook = load(data).value;
    if (!playbook) throw new Error('invalid');
    const stale = stalePersonas(playbook, REVIEW_DAY);
    expect(stale.map((s) => s.id)).toEqual(['finance_leader', 'function_leader']);
    expect(stale[0]?.owner).toBe('Product marketing');
    expect(reviewStatus(playbook.personas[1] as Persona, playbook, REVIEW_DAY).line).toBe(
      'last reviewed 10 months ago',
    );
    expect(reviewStatus(playbook.personas[0] as Persona, playbook, REVIEW_DAY).stale).toBe(false);
  });
});

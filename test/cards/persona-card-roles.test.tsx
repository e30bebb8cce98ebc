import { Heading, List, Tag, Text } from '@hubspot/ui-extensions';
import { defaultPlaybook } from '@rolecall/core';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../cli/run-cli.ts';
import { ACME, contact, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

const io = captureOutput();

const role = (id: string) => defaultPlaybook.roles.find((r) => r.id === id)!;
const persona = (id: string) => defaultPlaybook.personas.find((p) => p.id === id)!;
const points = (card: ReturnType<typeof renderPersona>) =>
  card
    .findByTestId(List, 'talking-points')
    .findAll(Text)
    .map((t) => t.text);

describe('every role gets guidance on the card', () => {
  it.each([
    ['Procurement Manager', 'gatekeeper'],
    ['General Counsel', 'legal_and_compliance'],
    ['HR Director', 'influencer'],
  ])(
    '%s: no persona fits, so the card shows the %s role talking points, objections and questions',
    (title, roleId) => {
      const card = renderPersona(contact({ jobtitle: title }), { company: [ACME] });
      expect(card.findByTestId(Tag, 'role').text).toBe(role(roleId).label);
      expect(points(card)).toEqual(role(roleId).talkingPoints);
      const questions = card
        .findByTestId(List, 'questions')
        .findAll(Text)
        .map((t) => t.text);
      expect(questions).toEqual(role(roleId).discoveryQuestions);
      for (const o of role(roleId).objections) expect(deepText(card.getRootNode())).toContain(o.response);
    },
  );

  it('a blocker a rep set gets the blocker guidance', () => {
    const card = renderPersona(
      contact({ jobtitle: 'Operations Manager', rolecall_source: 'manual', rolecall_buying_role: 'blocker' }),
      { company: [ACME] },
    );
    expect(points(card)).toEqual(role('blocker').talkingPoints);
  });
});

describe('customers get customer content', () => {
  it("a customer's CFO sees the renewal owner, not the new-logo ROI pitch", () => {
    const card = renderPersona(contact({ jobtitle: 'CFO', lifecyclestage: 'customer' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Renewal Owner');
    expect(points(card)).toEqual(persona('renewal_owner').talkingPoints.economic_buyer);
    const root = deepText(card.getRootNode());
    for (const pitch of persona('finance_leader').talkingPoints.economic_buyer ?? [])
      expect(root).not.toContain(pitch);
  });

  it('the same contact as a lead gets the buyer persona', () => {
    const card = renderPersona(contact({ jobtitle: 'CFO', lifecyclestage: 'lead' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Finance Leader');
  });

  it('rolecall card "CFO" --lifecycle customer prints the same customer content', async () => {
    io.clear();
    expect(
      await main([
        'node',
        'rolecall',
        'card',
        'CFO',
        '--employees',
        '250',
        '--lifecycle',
        'customer',
        '--json',
      ]),
    ).toBe(0);
    const card = JSON.parse(io.out) as Record<string, string[]>;
    expect(card.persona).toEqual(['Renewal Owner']);
    expect(card.talkingPoints).toEqual(persona('renewal_owner').talkingPoints.economic_buyer);
  });
});

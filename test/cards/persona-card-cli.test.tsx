import { Alert, Heading, List, Tag, Text } from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { captureOutput } from '../cli/run-cli.ts';
import { ACME, contact } from './fixtures.ts';
import { renderPersona } from './render.tsx';

const io = captureOutput();

/** `rolecall card … --json` for a contact at ACME, the company the rendered card reads. */
async function cliCard(title: string): Promise<Record<string, string[]>> {
  io.clear();
  const p = ACME.properties;
  const args = ['--employees', p.numberofemployees!, '--industry', p.industry!, '--company-name', p.name!];
  expect(
    await main(['node', 'rolecall', 'card', title, ...args, '--revenue', p.annualrevenue!, '--json']),
  ).toBe(0);
  return JSON.parse(io.out);
}

describe('rolecall card prints what the rendered card shows (one model)', () => {
  for (const title of ['CFO', 'VP Sales', 'Senior Procurement Manager', 'Student', 'Zorblax Wrangler']) {
    it(title, async () => {
      const cli = await cliCard(title);
      const card = renderPersona(contact({ jobtitle: title }), { company: [ACME] });
      const heading = card.findByTestId(Heading, 'persona-name').text;
      // Without a persona the heading says what is unknown, as the first notice does.
      expect(heading).toBe(cli.persona?.[0] ?? cli.notices?.[0]?.split(':')[0]);
      expect(card.maybeFind(Tag, { testId: 'role' })?.text ?? null).toBe(cli.role?.[0] ?? null);
      expect(card.findByTestId(Text, 'why').text).toBe(cli.why?.[0]);
      const alerts = card.findAll(Alert).map((a) => a.props.title);
      expect(alerts.length).toBe(cli.notices?.length);
      expect(alerts.map((t, i) => cli.notices?.[i]?.startsWith(`${t}: `))).toEqual(alerts.map(() => true));
      const points = card.maybeFind(List, { testId: 'talking-points' });
      expect(points?.findAll(Text).map((t) => t.text) ?? []).toEqual(cli.talkingPoints);
      const questions = card.maybeFind(List, { testId: 'questions' });
      expect(questions?.findAll(Text).map((t) => t.text) ?? []).toEqual(cli.questions);
    });
  }
});

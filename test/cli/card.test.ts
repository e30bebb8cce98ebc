import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { DEFAULT_PLAYBOOK_YAML } from '../../src/playbook/load-file.ts';
import { captureOutput } from './run-cli.ts';

const io = captureOutput();

const run = (...args: string[]) => main(['node', 'rolecall', 'card', ...args]);
const json = async (...args: string[]) => {
  expect(await run(...args, '--json')).toBe(0);
  return JSON.parse(io.out) as Record<string, string[]>;
};
const finance = defaultPlaybook.personas.find((p) => p.id === 'finance_leader')!;
/** An engine id or an internal reason ("function procurement", "201-1000", "computer_software"). */
const ENGINE_WORDS = /\b[a-z]+_[a-z_]+\b|from seniority|size band|\d+-\d+\b/;

describe('rolecall card: what the contact card shows', () => {
  it('prints a CFO as the card does: persona, role, talking points, objections, questions', async () => {
    const card = await json('CFO', '--employees', '500');
    expect(card.persona).toEqual(['Finance Leader']);
    expect(card.role).toEqual(['Economic buyer']);
    expect(card.profile).toEqual(['C-level · Finance']);
    expect(card.talkingPoints).toEqual(finance.talkingPoints.economic_buyer);
    expect(card.objections).toHaveLength(3);
    expect(card.objections?.[0]).toContain(finance.objections[0]!.objection);
    expect(card.objections?.[0]).toContain(finance.objections[0]!.response);
    const buyer = defaultPlaybook.roles.find((r) => r.id === 'economic_buyer')!;
    expect(card.questions).toEqual([...finance.discoveryQuestions, ...buyer.discoveryQuestions]);
    expect(card.notices).toEqual([]);
    // The default is an example, and the card says so quietly; template quotes are not shown as real.
    expect(card.review?.join(' ')).toContain('This is an example playbook');
    expect(card.painPoints).toEqual([]);
    expect(card.actions?.[0]).toBe('Save suggestion');
    expect(JSON.stringify(card.why)).not.toMatch(ENGINE_WORDS);
    // The why says how the card got there; it does not repeat the persona's summary.
    expect(card.why?.[0]).not.toContain(finance.summary);
  });

  it('says only the persona is unknown for a title it read, in labels, with choosing as the action', async () => {
    const card = await json(
      'Senior Procurement Manager',
      '--employees',
      '800',
      '--industry',
      'COMPUTER_SOFTWARE',
    );
    expect(card.persona).toEqual([]);
    expect(card.role).toEqual(['Gatekeeper']);
    expect(card.notices).toEqual([
      'No persona fits: The title reads as Manager · Procurement (gatekeeper), but no persona in the playbook fits that. Choose a persona if one does.',
    ]);
    // No persona fits, but the role's own guidance reaches the card.
    const gatekeeper = defaultPlaybook.roles.find((r) => r.id === 'gatekeeper')!;
    expect(card.talkingPoints).toEqual(gatekeeper.talkingPoints);
    expect(card.objections?.[0]).toContain(gatekeeper.objections[0]!.objection);
    expect(card.questions).toEqual(gatekeeper.discoveryQuestions);
    expect(card.actions?.[0]).toBe('Choose a persona');
    const { title: _title, ...shown } = card;
    expect(JSON.stringify(shown)).not.toMatch(ENGINE_WORDS);
    expect(JSON.stringify(shown)).not.toContain('could not');
  });

  it('separates "title not understood" from "no persona fits" and from an unknown company', async () => {
    const card = await json('Zorblax Wrangler');
    expect(card.notices?.map((n) => n.split(':')[0])).toEqual(['Title not understood', 'Company unknown']);
    expect(card.actions?.[0]).toBe('Choose a persona');
  });

  it('says a student is not a buyer and gives no sales content', async () => {
    const card = await json('Student', '--employees', '50');
    expect(card.persona).toEqual(['Student or Job Seeker']);
    expect(card.role).toEqual([]);
    expect(card.notices?.[0]).toMatch(/^Not a buyer: Student or Job Seeker: /);
    expect(card.talkingPoints).toEqual([]);
    expect(card.questions).toEqual([]);
  });

  it('prints the card as text, top to bottom', async () => {
    expect(await run('VP Sales', '--employees', '500', '--company-name', 'Acme')).toBe(0);
    const lines = io.out.split('\n');
    expect(lines[0]).toBe('Function Leader · Decision maker');
    expect(lines[1]).toMatch(/^VP · Sales · Suggested, not saved · (likely|possible)$/);
    expect(lines[2]).toMatch(/^Why: "VP Sales" · 500 employees → Function Leader, decision maker\. \S/);
    expect(io.out).toContain('Actions: [Save suggestion] · Re-classify · Enroll in a workflow');
    expect(io.out).toContain('Talking points: Function Leader as decision maker');
  });

  it('accepts a lifecycle stage and passes it to the card', async () => {
    const card = await json('CFO', '--lifecycle', 'Customer');
    expect(card.lifecycle).toBe('customer');
    expect(await run('CFO', '--lifecycle', 'customer')).toBe(0);
    expect(io.out).toContain('lifecycle customer');
  });

  it('reads a playbook file, so a changed talking point shows without HubSpot', async () => {
    const point = finance.talkingPoints.economic_buyer![0]!;
    const path = join(mkdtempSync(join(tmpdir(), 'rolecall-card-')), 'playbook.yaml');
    const yaml = readFileSync(DEFAULT_PLAYBOOK_YAML, 'utf8');
    expect(yaml).toContain(point);
    writeFileSync(path, yaml.replace(point, 'Costs one line on the budget; the renewal is flat.'));
    const card = await json('CFO', '--playbook', path);
    expect(card.talkingPoints?.[0]).toBe('Costs one line on the budget; the renewal is flat.');
  });

  it('rejects bad input with exit 2 and the fix', async () => {
    expect(await run('')).toBe(2);
    expect(io.err).toMatch(/Give a job title, e\.g\. rolecall card "VP of Sales"/);
    expect(await run('CFO', '--employees', 'lots')).toBe(2);
    expect(io.err).toMatch(/--employees must be a number, e\.g\. --employees 500 \(got "lots"\)/);
    expect(io.out).toBe('');
  });
});

import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  Heading,
  List,
  LoadingButton,
  Select,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { defaultPlaybook } from '@rolecall/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { crmSearchStub } from './crm-search-stub.ts';
import { ACME, contact, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

afterEach(() => vi.restoreAllMocks());

const persona = (id: string) => defaultPlaybook.personas.find((p) => p.id === id)!;
const texts = (node: { findAll: (c: typeof Text) => Array<{ text: string | null }> }) =>
  node.findAll(Text).map((t) => t.text);

describe('persona card: what the rep sees', () => {
  it('shows a CFO as Finance Leader, economic buyer, with the economic-buyer talking points', () => {
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Finance Leader');
    expect(card.findByTestId(Tag, 'role').text).toBe('Economic buyer');
    expect(card.findByTestId(Tag, 'status').text).toBe('Suggested, not saved');
    expect(card.findByTestId(Tag, 'confidence').text).toMatch(/^(likely|possible)$/);
    expect(card.findByTestId(Text, 'seniority-function').text).toBe('C-level · Finance');
    const why = card.findByTestId(Text, 'why').text ?? '';
    expect(why).toMatch(
      /^"Chief Financial Officer" · 250 employees · Computer software → Finance Leader, economic buyer\. \S/,
    );
    expect(why).not.toContain(persona('finance_leader').summary);
    const points = persona('finance_leader').talkingPoints.economic_buyer ?? [];
    expect(points.length).toBeGreaterThan(0);
    expect(texts(card.findByTestId(List, 'talking-points'))).toEqual(points);
    expect(card.findByTestId(LoadingButton, 'save').text).toBe('Save suggestion');
    expect(card.maybeFind(Alert, { testId: 'negative' })).toBeNull();
    expect(card.findByTestId(Text, 'provenance').text).toContain(defaultPlaybook.version);
  });

  it('shows a sales manager as Team Lead & Practitioner with the points for their role, not the CFO ones', () => {
    const card = renderPersona(contact({ jobtitle: 'Sales Manager' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Team Lead & Practitioner');
    const role = card.findByTestId(Tag, 'role').text ?? '';
    const roleId = defaultPlaybook.roles.find((r) => r.label === role)?.id ?? '';
    expect(['champion', 'end_user']).toContain(roleId);
    const points = persona('team_practitioner').talkingPoints[roleId as 'champion'] ?? [];
    expect(texts(card.findByTestId(List, 'talking-points'))).toEqual(points);
    for (const cfoPoint of persona('finance_leader').talkingPoints.economic_buyer ?? []) {
      expect(deepText(card.getRootNode())).not.toContain(cfoPoint);
    }
  });

  it('shows the detail layer: objections with responses, questions, goals and pains, channels, who to bring in', () => {
    const card = renderPersona(contact({ jobtitle: 'VP Finance' }), { company: [ACME] });
    const p = persona('finance_leader');
    const root = deepText(card.getRootNode());
    for (const o of p.objections.slice(0, 3)) {
      expect(root).toContain(o.objection);
      expect(root).toContain(o.response);
    }
    const roleQuestions = defaultPlaybook.roles.find((r) => r.id === 'economic_buyer')!.discoveryQuestions;
    expect(texts(card.findByTestId(List, 'questions'))).toEqual([...p.discoveryQuestions, ...roleQuestions]);
    expect(root).toContain(`Goal: ${p.goals[0]}`);
    expect(root).toContain(`Measured on: ${p.successMetrics[0]}`);
    expect(root).toContain(`Criterion: ${p.evaluation?.criteria[0]}`);
    expect(root).toContain(`Trigger: ${p.triggerEvents[0]}`);
    // Template quotes are never shown as a buyer's words; the card says examples were left out.
    for (const pain of p.painPoints) expect(root).not.toContain(pain.quote);
    expect(card.findByTestId(Text, 'template-note').text).toContain('template');
    expect(card.findByTestId(Text, 'example-playbook').text).toContain('example playbook');
    expect(card.findByTestId(Text, 'channels').text).toContain(p.channels[0]!);
    expect(root).toContain(p.bringIn[0]!.why);
    expect(card.findAll(Accordion).map((a) => a.props.title)).toEqual(
      expect.arrayContaining(['Top objections', 'Discovery questions', 'Who else to bring in']),
    );
  });

  it('says plainly that a student is not a buyer, and shows no sales talking points', () => {
    const card = renderPersona(contact({ jobtitle: 'Student' }), { company: [ACME] });
    const notice = card.findByTestId(Alert, 'negative');
    expect(notice.props.title).toBe('Not a buyer: Student or Job Seeker');
    const negative = defaultPlaybook.negativePersonas.find((p) => p.id === 'student_or_job_seeker')!;
    expect(deepText(notice)).toContain(negative.handling);
    expect(card.maybeFind(List, { testId: 'talking-points' })).toBeNull();
  });

  it('names the missing job title, offers a manual choice, and offers no save', () => {
    const card = renderPersona(contact({ jobtitle: '   ' }), { company: [ACME] });
    expect(card.find(EmptyState).props.title).toBe('No job title to read');
    expect(card.findByTestId(Text, 'empty-reason').text).toMatch(
      /job title.*"Job title" property.*Re-classify/,
    );
    expect(card.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();
    expect(card.findByTestId(Select, 'override-persona').props.options.length).toBe(
      defaultPlaybook.personas.length + defaultPlaybook.negativePersonas.length,
    );
  });

  it('says the title was not understood, and offers choosing a persona instead of saving "unknown"', () => {
    const card = renderPersona(contact({ jobtitle: 'Zorblax Wrangler' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Title not understood');
    const notice = card.findByTestId(Alert, 'title-not-understood');
    expect(deepText(notice)).toMatch(
      /could not read the rank and the job area in the title "Zorblax Wrangler"/,
    );
    expect(card.findByTestId(Tag, 'confidence').text).toBe('unconfirmed');
    expect(card.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();
    expect(card.findByTestId(Button, 'override-save').props.variant).toBe('primary');
  });

  it('says only the persona is missing when the title was read (no "could not place")', () => {
    const card = renderPersona(contact({ jobtitle: 'Senior Procurement Manager' }), { company: [ACME] });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('No persona fits');
    expect(card.findByTestId(Tag, 'role').text).toBe('Gatekeeper');
    expect(card.findByTestId(Text, 'seniority-function').text).toBe('Manager · Procurement');
    expect(deepText(card.findByTestId(Alert, 'no-persona'))).toContain(
      'The title reads as Manager · Procurement (gatekeeper), but no persona in the playbook fits that.',
    );
    const root = deepText(card.getRootNode());
    expect(root).not.toMatch(/could not (place|read)/);
    // Labels from the playbook, never engine ids, anywhere a rep reads.
    expect(root).not.toMatch(/seniority manager|function procurement|size band|computer_software|201-1000/);
    expect(card.findByTestId(Text, 'why').text).toMatch(/→ no persona fits, gatekeeper\. Procurement /);
    // No persona to save: choosing one is the primary action, in the open, not behind a click.
    expect(card.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();
    expect(card.maybeFind(Accordion, { testId: 'override' })).toBeNull();
    expect(card.findByTestId(Button, 'override-save').props.variant).toBe('primary');
  });

  it('uses the vocabulary labels a rep writes: VP, C-level, IT', () => {
    const vp = renderPersona(contact({ jobtitle: 'VP Sales' }), { company: [ACME] });
    expect(vp.findByTestId(Text, 'seniority-function').text).toBe('VP · Sales');
    const cio = renderPersona(contact({ jobtitle: 'CIO' }), { company: [ACME] });
    expect(cio.findByTestId(Text, 'seniority-function').text).toBe('C-level · IT');
  });

  it('labels a value a person set as theirs and never offers to replace it with the suggestion', () => {
    const card = renderPersona(
      contact({
        jobtitle: 'Chief Financial Officer',
        rolecall_persona: 'finance_leader',
        rolecall_buying_role: 'blocker',
        rolecall_source: 'manual',
        rolecall_reasons: 'Set by ana@example.com in the persona card on 2026-11-20.',
      }),
      { company: [ACME] },
    );
    expect(card.findByTestId(Tag, 'status').text).toBe('Set by a person');
    expect(card.findByTestId(Tag, 'role').text).toBe('Blocker');
    expect(card.findByTestId(Text, 'why').text).toBe(
      'Set by ana@example.com in the persona card on 2026-11-20.',
    );
    expect(card.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();
  });

  it('marks a saved value as saved, and an outdated one (title changed) with a prompt to save the new one', () => {
    const saved = renderPersona(
      contact({
        jobtitle: 'Chief Financial Officer',
        rolecall_persona: 'finance_leader',
        rolecall_buying_role: 'economic_buyer',
        rolecall_source: 'auto',
      }),
      { company: [ACME] },
    );
    expect(saved.findByTestId(Tag, 'status').text).toBe('Saved by rolecall');
    expect(saved.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();

    const outdated = renderPersona(
      contact({
        jobtitle: 'Chief Financial Officer',
        rolecall_persona: 'team_practitioner',
        rolecall_buying_role: 'champion',
        rolecall_source: 'auto',
      }),
      { company: [ACME] },
    );
    expect(outdated.findByTestId(Tag, 'status').text).toBe('Saved value is outdated');
    const notice = outdated.findByTestId(Alert, 'outdated');
    expect(notice.props.title).toBe('The saved value no longer matches this contact');
    expect(deepText(notice)).toContain('The record says Team Lead & Practitioner, champion');
    expect(outdated.findByTestId(LoadingButton, 'save').text).toBe('Save the new suggestion');
  });
});

describe('persona card: next move and persona freshness', () => {
  const colleague = (id: number, jobtitle: string) => ({ id, properties: { jobtitle, firstname: `P${id}` } });

  it("names the required roles still missing at the company, counting this contact's role", () => {
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), {
      company: [ACME],
      colleagues: [colleague(5, 'Sales Manager'), colleague(6, 'Student')],
    });
    const search = crmSearchStub.calls[0]?.[0] as { filterGroups: Array<{ filters: unknown[] }> };
    expect(search.filterGroups[0]?.filters).toEqual([
      { propertyName: 'associations.company', operator: 'EQ', value: '900' },
    ]);
    expect(card.findByTestId(Text, 'gaps').text).toBe(
      'Next move at Acme Analytics: no decision maker, no technical evaluator yet. Bring them in to multi-thread the deal.',
    );
  });

  it('shows the next move only to contacts who belong in the buying group', () => {
    const colleagues = [colleague(5, 'Sales Manager')];
    for (const jobtitle of ['Student', 'Zorblax Wrangler']) {
      const card = renderPersona(contact({ jobtitle }), { company: [ACME], colleagues });
      expect(card.maybeFind(Text, { testId: 'gaps' })).toBeNull();
      expect(deepText(card.getRootNode())).not.toContain('Next move');
    }
    const manualStudent = renderPersona(
      contact({
        jobtitle: 'CFO',
        rolecall_persona: 'student_or_job_seeker',
        rolecall_buying_role: 'other',
        rolecall_source: 'manual',
      }),
      { company: [ACME], colleagues },
    );
    expect(manualStudent.maybeFind(Text, { testId: 'gaps' })).toBeNull();
    const procurement = renderPersona(contact({ jobtitle: 'Senior Procurement Manager' }), {
      company: [ACME],
      colleagues,
    });
    expect(procurement.findByTestId(Text, 'gaps').text).toMatch(/^Next move at Acme Analytics: /);
  });

  it('says so when every required role is present', () => {
    const card = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      colleagues: [colleague(5, 'Sales Manager'), colleague(6, 'VP Sales'), colleague(7, 'IT Manager')],
    });
    expect(card.findByTestId(Text, 'gaps').text).toBe(
      'Every role the playbook requires is present at Acme Analytics.',
    );
  });

  it('says when the buying group could not be checked, and shows no gaps for a contact without a company', () => {
    const failed = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      colleaguesState: { error: new Error('Search is rate limited; try again in a second.') },
    });
    expect(failed.findByTestId(Text, 'gaps').text).toBe(
      'Could not check the buying group at Acme Analytics: Search is rate limited; try again in a second.',
    );
    const alone = renderPersona(contact({ jobtitle: 'CFO' }));
    expect(alone.maybeFind(Text, { testId: 'gaps' })).toBeNull();
    expect(alone.findByTestId(Text, 'no-company').text).toMatch(
      /No company is associated.*size and industry were not used/,
    );
  });

  it("shows the review age, and warns once a persona is past the playbook's review interval", () => {
    const reviewed = Date.parse(`${persona('finance_leader').reviewedAt}T00:00:00Z`);
    const day = 24 * 60 * 60 * 1000;
    const fresh = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      now: () => new Date(reviewed + 10 * day),
    });
    expect(fresh.findByTestId(Text, 'provenance').text).toMatch(/· last reviewed 10 days ago$/);
    expect(fresh.maybeFind(Text, { testId: 'stale-persona' })).toBeNull();
    const old = defaultPlaybook.reviewIntervalDays + 1;
    const stale = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      now: () => new Date(reviewed + old * day),
    });
    // A quiet line, never an alert.
    expect(stale.maybeFind(Alert, { testId: 'stale-persona' })).toBeNull();
    expect(stale.findByTestId(Text, 'stale-persona').text).toContain('last reviewed 6 months ago');
    const older = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      now: () => new Date(reviewed + 213 * day),
    });
    expect(older.findByTestId(Text, 'provenance').text).toContain('last reviewed 7 months ago');
    expect(older.findByTestId(Text, 'stale-persona').text).toContain('Ask Product marketing to review it');
  });
});

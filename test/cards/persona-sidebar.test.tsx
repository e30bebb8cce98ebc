import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  Heading,
  hubspot,
  List,
  LoadingButton,
  Select,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { defaultPlaybook } from '@rolecall/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACME, contact, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

afterEach(() => vi.restoreAllMocks());

/** Component names HubSpot renders in crm.record.sidebar: standard ones plus the two CRM action components. */
const SIDEBAR_CRM_ALLOWED = new Set(['CrmActionButton', 'CrmActionLink']);

function componentNames(node: { childNodes?: unknown[]; name?: string }): string[] {
  const own = node.name ? [node.name] : [];
  return [...own, ...((node.childNodes ?? []) as Array<typeof node>).flatMap(componentNames)];
}

describe('persona sidebar (compact)', () => {
  it('shows the glance layer, two talking points, the top objection and one question', () => {
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), {
      company: [ACME],
      location: 'crm.record.sidebar',
    });
    const finance = defaultPlaybook.personas.find((p) => p.id === 'finance_leader')!;
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Finance Leader');
    expect(card.findByTestId(Tag, 'role').text).toBe('Economic buyer');
    expect(
      card
        .findByTestId(List, 'sidebar-points')
        .findAll(Text)
        .map((t) => t.text),
    ).toEqual((finance.talkingPoints.economic_buyer ?? []).slice(0, 2));
    expect(card.findByTestId(Text, 'sidebar-objection').text).toContain(finance.objections[0]!.response);
    expect(card.findByTestId(Text, 'sidebar-question').text).toBe(`Ask: ${finance.discoveryQuestions[0]}`);
    expect(card.findByTestId(CrmActionButton, 'enroll').props.actionType).toBe(
      'OPEN_WORKFLOW_ENROLLMENT_MODAL',
    );
  });

  it('uses no CRM component the sidebar cannot render', () => {
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), {
      company: [ACME],
      location: 'crm.record.sidebar',
    });
    const crmComponents = componentNames(card.getRootNode()).filter((n) => n.startsWith('Crm'));
    expect(crmComponents.length).toBeGreaterThan(0);
    expect(crmComponents.filter((n) => !SIDEBAR_CRM_ALLOWED.has(n))).toEqual([]);
  });

  it('saves from the sidebar through the same app function', async () => {
    const serverless = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValue({ ok: true, message: 'Saved.', written: [], protectedProperties: [] });
    const card = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      location: 'crm.record.sidebar',
    });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() => expect(deepText(card.findByTestId(Alert, 'save-done'))).toBe('Saved.'));
    expect(serverless.mock.calls[0]?.[0]).toBe('save_classification');
  });

  it('names the missing title and says a student is not a buyer', () => {
    const empty = renderPersona(contact(), { location: 'crm.record.sidebar' });
    expect(empty.find(EmptyState).props.title).toBe('No job title to read');
    expect(empty.findByTestId(Text, 'empty-reason').text).toMatch(/choose the persona and role yourself\.$/);
    expect(empty.findByTestId(Button, 'choose').props.variant).toBe('primary');
    const student = renderPersona(contact({ jobtitle: 'Student' }), { location: 'crm.record.sidebar' });
    expect(student.findByTestId(Text, 'sidebar-notice').text).toBe('Not a buyer: Student or Job Seeker');
    expect(student.findByTestId(Alert, 'negative').props.title).toBe('Not a buyer: Student or Job Seeker');
    expect(student.maybeFind(List, { testId: 'sidebar-points' })).toBeNull();
  });

  it('is compact: the glance and one action in view, everything else one click away', () => {
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), {
      company: [ACME],
      colleagues: [{ id: 5, properties: { jobtitle: 'Sales Manager' } }],
      location: 'crm.record.sidebar',
    });
    const more = card.findByTestId(Accordion, 'sidebar-more');
    expect(more.props.defaultOpen).toBe(false);
    const inMore = (testId: string) => more.maybeFind(Text, { testId }) ?? more.maybeFind(List, { testId });
    for (const testId of ['why', 'sidebar-points', 'sidebar-objection', 'sidebar-question', 'gaps']) {
      expect(inMore(testId), testId).not.toBeNull();
    }
    expect(more.maybeFind(CrmActionButton, { testId: 'enroll' })).not.toBeNull();
    // Outside the collapsed part: the glance and exactly one button.
    const ids = (node: typeof card | typeof more) =>
      [...node.findAll(LoadingButton), ...node.findAll(Button), ...node.findAll(CrmActionButton)].map(
        (b) => b.props.testId,
      );
    const inside = ids(more);
    expect(ids(card).filter((id) => !inside.includes(id))).toEqual(['save']);
  });

  it('offers choosing a persona, not saving "unknown", when no persona fits', () => {
    const card = renderPersona(contact({ jobtitle: 'Senior Procurement Manager' }), {
      company: [ACME],
      location: 'crm.record.sidebar',
    });
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('No persona fits');
    expect(card.maybeFind(LoadingButton, { testId: 'save' })).toBeNull();
    card.findByTestId(Button, 'choose').trigger('onClick');
    expect(card.findByTestId(Select, 'override-persona')).toBeTruthy();
  });
});

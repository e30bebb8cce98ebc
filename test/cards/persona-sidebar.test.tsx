import { Alert, EmptyState, Heading, hubspot, List, LoadingButton, Tag, Text } from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { defaultPlaybook } from '@rolecall/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACME, contact, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('./crm-search-stub.ts')).withCrmSearchStub(importOriginal),
);
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
    expect(empty.findByTestId(Text, 'empty-reason').text).toMatch(
      /yourself in the "Buying role & persona" tab\.$/,
    );
    const student = renderPersona(contact({ jobtitle: 'Student' }), { location: 'crm.record.sidebar' });
    expect(student.findByTestId(Alert, 'negative').props.title).toBe('Not a buyer: Student or Job Seeker');
    expect(student.maybeFind(List, { testId: 'sidebar-points' })).toBeNull();
  });
});

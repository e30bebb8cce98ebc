import {
  Alert,
  Button,
  EmptyState,
  Flex,
  Heading,
  hubspot,
  LoadingSpinner,
  ProgressBar,
  Text,
} from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuyingGroupView } from '../../extensions/app/cards/company/BuyingGroupView.tsx';
import { ACME, type Associated, associations, crm, deepText } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

const person = (
  id: number,
  firstname: string,
  jobtitle: string | null,
  saved: Record<string, string> = {},
): Associated => ({
  id,
  properties: { firstname, lastname: 'Test', email: null, jobtitle, hs_seniority: null, ...saved },
});

function renderGroup(
  contacts: Associated[],
  state: { isLoading?: boolean; error?: Error | null; hasNextPage?: boolean } = {},
) {
  const renderer = createRenderer('crm.record.tab');
  const refetch = { count: 0 };
  renderer.mocks.useCrmProperties.willCall(() => ({
    ...crm(ACME.properties),
    refetch: async () => {
      refetch.count += 1;
    },
  }));
  renderer.mocks.useAssociations.willCall(() => associations(contacts, state));
  renderer.render(<BuyingGroupView />);
  return { ...renderer, refetch };
}

const GROUP = [
  person(1, 'Carla', 'Chief Financial Officer'),
  person(2, 'Sam', 'Sales Manager'),
  person(3, 'Stu', 'Student'),
  person(4, 'Bo', 'Account Executive', {
    rolecall_persona: 'team_practitioner',
    rolecall_buying_role: 'blocker',
    rolecall_source: 'manual',
  }),
];

describe('buying-group card', () => {
  it('groups contacts by role, with persona, confidence and who set it', () => {
    const card = renderGroup(GROUP);
    const headings = card.findAll(Heading).map((h) => h.text);
    expect(headings).toContain('Economic buyer (1)');
    expect(headings).toContain('Blocker (1)');
    const carla = card.findByTestId(Flex, 'member-1');
    expect(deepText(carla)).toContain('Finance Leader');
    expect(deepText(carla)).toMatch(/likely|possible/);
    expect(deepText(carla)).toContain('suggested');
    const bo = card.findByTestId(Flex, 'member-4');
    expect(deepText(bo)).toContain('Team Lead & Practitioner');
    expect(deepText(bo)).toContain('set by a person');
    expect(deepText(card.findByTestId(Flex, 'member-3'))).toContain('Student or Job Seeker');
  });

  it('links each contact to its record', () => {
    const card = renderGroup(GROUP);
    const link = card.findByTestId(CrmActionLink, 'link-2');
    expect(link.text).toBe('Sam Test');
    expect(link.props.actionType).toBe('RECORD_APP_LINK');
    expect(link.props.actionContext).toEqual({ objectTypeId: '0-1', objectId: 2 });
    expect(card.findAll(CrmActionLink)).toHaveLength(GROUP.length);
  });

  it('names the required roles still missing and scores the coverage', () => {
    const card = renderGroup(GROUP);
    const bar = card.findByTestId(ProgressBar, 'coverage');
    expect(bar.props.maxValue).toBe(4);
    // CFO → economic buyer; sales manager → champion (or end user); no decision maker, no technical evaluator.
    expect(bar.props.value).toBeGreaterThanOrEqual(1);
    expect(bar.props.value).toBeLessThan(4);
    const missing = deepText(card.findByTestId(Alert, 'missing'));
    expect(missing).toContain('technical evaluator');
    expect(missing).toContain('decision maker');
    expect(missing).not.toContain('economic buyer');
  });

  it('scores full coverage when every required role is present', () => {
    const card = renderGroup([
      person(1, 'Carla', 'CFO'),
      person(2, 'Vera', 'VP Sales'),
      person(3, 'Sam', 'Sales Manager', {
        rolecall_persona: 'team_practitioner',
        rolecall_buying_role: 'champion',
        rolecall_source: 'auto',
      }),
      person(4, 'Ian', 'IT Manager'),
    ]);
    const bar = card.findByTestId(ProgressBar, 'coverage');
    expect(bar.props.value).toBe(4);
    expect(card.findByTestId(Text, 'missing').text).toBe('Every role the playbook requires is present.');
  });

  it('shows loading, an empty company, more-than-a-page, and an error with retry', () => {
    expect(renderGroup([], { isLoading: true }).find(LoadingSpinner).props.label).toMatch(/contacts/);
    expect(renderGroup([]).find(EmptyState).props.title).toBe('No contacts at this company yet');
    expect(renderGroup(GROUP, { hasNextPage: true }).findByTestId(Text, 'more').text).toMatch(/first 100/);
    const failed = renderGroup([], { error: new Error('Missing scope crm.objects.contacts.read.') });
    expect(deepText(failed.findByTestId(Alert, 'error'))).toContain(
      'Missing scope crm.objects.contacts.read.',
    );
    failed.findByTestId(Button, 'error-retry').trigger('onClick');
    expect(failed.refetch.count).toBe(1);
  });

  it('counts the whole group through the buying_group function when there is more than one page', async () => {
    const serverless = vi.spyOn(hubspot, 'serverless').mockResolvedValue({
      ok: true,
      message: '240 contacts read.',
      members: 240,
      partial: false,
      coverage: {
        required: ['economic_buyer', 'decision_maker', 'champion', 'technical_evaluator'],
        missing: ['technical_evaluator'],
        present: [],
        counts: {},
        score: 0.75,
      },
    });
    const card = renderGroup(GROUP, { hasNextPage: true });
    await card.waitFor(() =>
      expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toBe(
        '3 of 4 required roles across all 240 contacts (score 0.75)',
      ),
    );
    expect(serverless).toHaveBeenCalledWith('buying_group', { parameters: { companyId: 123 } });
    expect(deepText(card.findByTestId(Alert, 'missing'))).toBe(
      'No technical evaluator yet. Find them and multi-thread the deal.',
    );
  });

  it('falls back to the first page, says why, and retries when the count fails', async () => {
    const serverless = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValueOnce({
        ok: false,
        errors: ['HubSpot failed (503) while reading 500 contacts. Try again in a moment.'],
      })
      .mockResolvedValue({
        ok: true,
        members: 101,
        partial: false,
        coverage: { required: ['champion'], missing: [], score: 1 },
      });
    const card = renderGroup(GROUP, { hasNextPage: true });
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'full-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'full-error'))).toContain('HubSpot failed (503)');
    expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toMatch(
      /across the first 100 contacts/,
    );
    card.findByTestId(Button, 'full-error-retry').trigger('onClick');
    await card.waitFor(() =>
      expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toMatch(
        /across all 101 contacts/,
      ),
    );
    expect(serverless).toHaveBeenCalledTimes(2);
  });

  it('does not call the function when one page holds every contact', () => {
    const serverless = vi.spyOn(hubspot, 'serverless');
    const card = renderGroup(GROUP);
    expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toMatch(/across all contacts/);
    expect(serverless).not.toHaveBeenCalled();
  });
});

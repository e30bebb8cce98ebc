import {
  Accordion,
  Alert,
  Button,
  EmptyState,
  Flex,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealCardView } from '../../extensions/app/cards/deal/DealCardView.tsx';
import { CARLA, dealModel, IAN, person } from './deal-fixtures.ts';
import { type Answers, cardOf, renderWithFunctions } from './deal-render.tsx';
import { deepText } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

const renderDeal = (answers: Answers) => renderWithFunctions(<DealCardView />, answers);

describe('deal card: every state', () => {
  it('shows a spinner while the buying group loads', async () => {
    const card = renderDeal({ deal_buying_group: () => new Promise(() => {}) });
    expect(card.find(LoadingSpinner).props.label).toMatch(/buying group/);
    await vi.waitFor(() => expect(card.serverless).toHaveBeenCalled());
    expect(card.find(LoadingSpinner).props.label).toMatch(/buying group/);
    expect(card.serverless).toHaveBeenCalledWith('deal_buying_group', { parameters: { dealId: 123 } });
  });

  it('shows an error with the reason and retries', async () => {
    const card = renderDeal({
      deal_buying_group: (n) =>
        n === 1
          ? { ok: false, errors: ['HubSpot is having trouble (503). Try again in a moment.'] }
          : cardOf(dealModel())(),
    });
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'error'))).toContain('HubSpot is having trouble (503)');
    card.findByTestId(Button, 'error-retry').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar, { testId: 'completeness' })).not.toBeNull());
  });

  it('says how to reconnect when the app is disconnected', async () => {
    const card = renderDeal({
      deal_buying_group: () => ({
        ok: false,
        code: 'disconnected',
        errors: ['Rolecall is not connected to this HubSpot account; install the app again.'],
      }),
    });
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'disconnected' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'disconnected'))).toMatch(/reinstalls the app/);
    expect(card.maybeFind(Alert, { testId: 'error' })).toBeNull();
  });

  it('an empty deal: says so, every required role missing, with people to bring in', async () => {
    const card = renderDeal({ deal_buying_group: cardOf(dealModel({ contacts: [] })) });
    await vi.waitFor(() => expect(card.maybeFind(EmptyState)).not.toBeNull());
    expect(card.find(EmptyState).props.title).toBe('No contacts on this deal yet');
    for (const role of ['economic_buyer', 'decision_maker', 'champion', 'technical_evaluator']) {
      expect(card.findByTestId(StatusTag, `status-${role}`).text).toBe('missing');
    }
    expect(card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).text).toBe(
      'Add Ian Ray to deal as technical evaluator',
    );
    expect(card.findByTestId(ProgressBar, 'completeness').props.value).toBe(0);
  });

  it("missing roles: each contact's role and its source, candidates, talking points for the missing role", async () => {
    const card = renderDeal({ deal_buying_group: cardOf(dealModel()) });
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar, { testId: 'completeness' })).not.toBeNull());
    // Carla's role is rolecall's reading; Sam's comes from the label on the deal ("Decision Maker").
    expect(deepText(card.findByTestId(Flex, 'role-economic_buyer'))).toContain('Carla Diaz');
    expect(card.findByTestId(Tag, `source-${CARLA.id}`).text).toBe('rolecall');
    const sam = deepText(card.findByTestId(Flex, 'role-decision_maker'));
    expect(sam).toContain('Sam Lee');
    expect(sam).toContain('labelled on this deal');
    expect(card.findByTestId(StatusTag, 'status-economic_buyer').text).toBe('engaged');
    expect(card.findByTestId(StatusTag, 'status-technical_evaluator').text).toBe('missing');
    expect(card.findByTestId(Text, 'no-candidates-champion').text).toMatch(/Nobody .* champion/);
    const points = card.findByTestId(Accordion, 'points-technical_evaluator');
    expect(points.props.defaultOpen).toBe(true);
    expect(deepText(points)).toContain('review checklist');
    expect(card.findByTestId(ProgressBar, 'completeness').props.valueDescription).toBe(
      '2 of 4 required roles filled; no champion and technical evaluator on this deal yet.',
    );
    expect(card.maybeFind(Alert, { testId: 'single-threaded' })).toBeNull();
    expect(card.maybeFind(Alert, { testId: 'unconfigured' })).toBeNull();
  });

  it('adds a candidate with one click, then reads the group again', async () => {
    const filled = dealModel({
      contacts: [CARLA, person(IAN.id, 'Ian Ray', 'IT Manager', 'technical_evaluator')],
    });
    const card = renderDeal({
      deal_buying_group: (n) => cardOf(n === 1 ? dealModel() : filled)(),
      add_to_deal: () => ({
        ok: true,
        message: 'Added to the deal as technical evaluator.',
        role: 'technical_evaluator',
      }),
    });
    await vi.waitFor(() =>
      expect(card.maybeFind(Button, { testId: `add-technical_evaluator-${IAN.id}` })).not.toBeNull(),
    );
    card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'add-done' })).not.toBeNull());
    expect(card.serverless).toHaveBeenCalledWith('add_to_deal', {
      parameters: { dealId: 123, contactId: IAN.id, role: 'technical_evaluator' },
    });
    await vi.waitFor(() =>
      expect(card.findByTestId(StatusTag, 'status-technical_evaluator').text).not.toBe('missing'),
    );
    expect(card.findByTestId(Text, 'add-done').text).toBe('Added to the deal as technical evaluator.');
  });

  it('a failed add says why and leaves the card as it was', async () => {
    const card = renderDeal({
      deal_buying_group: cardOf(dealModel()),
      add_to_deal: () => ({
        ok: false,
        code: 'unconfigured',
        errors: ['This HubSpot account has no "Technical evaluator" label; run "rolecall setup".'],
      }),
    });
    await vi.waitFor(() =>
      expect(card.maybeFind(Button, { testId: `add-technical_evaluator-${IAN.id}` })).not.toBeNull(),
    );
    card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'add-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'add-error'))).toContain('run "rolecall setup"');
    expect(card.findByTestId(StatusTag, 'status-technical_evaluator').text).toBe('missing');
  });

  it('complete: every required role held, nothing to add', async () => {
    const everyone = dealModel({
      contacts: [
        CARLA,
        person('12', 'Sam Lee', 'Sales Manager', 'champion'),
        person('13', 'Vera Ng', 'VP Sales', 'decision_maker'),
        person('14', 'Ian Ray', 'IT Manager', 'technical_evaluator', { lastActivity: null }),
      ],
    });
    const card = renderDeal({ deal_buying_group: cardOf(everyone) });
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'complete' })).not.toBeNull());
    expect(card.findByTestId(Text, 'complete').text).toMatch(
      /4 of 4 required roles filled; the buying group is complete/,
    );
    expect(card.findByTestId(StatusTag, 'status-technical_evaluator').text).toBe('no recent activity');
    expect(card.findAll(Button)).toHaveLength(0);
  });

  it('unconfigured portal and a single-threaded deal: both warnings, adding disabled', async () => {
    const card = renderDeal({ deal_buying_group: cardOf(dealModel({ contacts: [CARLA], labelled: false })) });
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'unconfigured' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'unconfigured'))).toMatch(/rolecall setup/);
    expect(card.maybeFind(Alert, { testId: 'single-threaded' })).not.toBeNull();
    expect(card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).props.disabled).toBe(true);
  });
});

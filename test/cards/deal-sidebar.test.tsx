import { Alert, Button, LoadingSpinner, ProgressBar, StatusTag, Text } from '@hubspot/ui-extensions';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealSidebarView } from '../../extensions/app/cards/deal/DealSidebarView.tsx';
import { CARLA, dealModel, IAN, person } from './deal-fixtures.ts';
import { type Answers, cardOf, renderWithFunctions } from './deal-render.tsx';

afterEach(() => vi.restoreAllMocks());

const renderSidebar = (answers: Answers) =>
  renderWithFunctions(<DealSidebarView />, answers, 'crm.record.sidebar');

describe('deal card, sidebar variant', () => {
  it('loading, then an error with retry, then the group', async () => {
    const card = renderSidebar({
      deal_buying_group: (n) => (n === 1 ? { ok: false, errors: ['Timed out.'] } : cardOf(dealModel())()),
    });
    expect(card.maybeFind(LoadingSpinner)).not.toBeNull();
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'error' })).not.toBeNull());
    card.findByTestId(Button, 'error-retry').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(ProgressBar, { testId: 'completeness' })).not.toBeNull());
    expect(card.findByTestId(ProgressBar, 'completeness').props.value).toBe(50);
  });

  it('names the holder of each role, the missing ones, and adds the first candidate in one click', async () => {
    const card = renderSidebar({
      deal_buying_group: cardOf(dealModel()),
      add_to_deal: () => ({ ok: true, message: 'Added to the deal as technical evaluator.' }),
    });
    await vi.waitFor(() => expect(card.maybeFind(Button)).not.toBeNull());
    const text = card.findAll(Text).map((t) => t.text);
    expect(text).toContain('Economic buyer: Carla Diaz');
    expect(text).toContain('Technical evaluator: missing');
    card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'add-done' })).not.toBeNull());
    expect(card.serverless).toHaveBeenCalledWith('add_to_deal', {
      parameters: { dealId: 123, contactId: IAN.id, role: 'technical_evaluator' },
    });
  });

  it('empty, single-threaded, unconfigured, disconnected, complete', async () => {
    const empty = renderSidebar({ deal_buying_group: cardOf(dealModel({ contacts: [] })) });
    await vi.waitFor(() => expect(empty.maybeFind(Text, { testId: 'empty' })).not.toBeNull());
    vi.restoreAllMocks();
    const lonely = renderSidebar({
      deal_buying_group: cardOf(dealModel({ contacts: [CARLA], labelled: false })),
    });
    await vi.waitFor(() => expect(lonely.maybeFind(StatusTag, { testId: 'single-threaded' })).not.toBeNull());
    expect(lonely.findByTestId(Text, 'unconfigured').text).toMatch(/rolecall setup/);
    expect(lonely.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).props.disabled).toBe(true);
    vi.restoreAllMocks();
    const gone = renderSidebar({
      deal_buying_group: () => ({ ok: false, code: 'disconnected', errors: ['Not connected.'] }),
    });
    await vi.waitFor(() => expect(gone.maybeFind(Alert, { testId: 'disconnected' })).not.toBeNull());
    vi.restoreAllMocks();
    const full = renderSidebar({
      deal_buying_group: cardOf(
        dealModel({
          contacts: [
            CARLA,
            person('12', 'Sam Lee', 'Sales Manager', 'champion'),
            person('13', 'Vera Ng', 'VP Sales', 'decision_maker'),
            person('14', 'Ian Ray', 'IT Manager', 'technical_evaluator'),
          ],
        }),
      ),
    });
    await vi.waitFor(() => expect(full.maybeFind(ProgressBar, { testId: 'completeness' })).not.toBeNull());
    expect(full.findByTestId(ProgressBar, 'completeness').props.value).toBe(100);
    expect(full.findAll(Button)).toHaveLength(0);
  });
});

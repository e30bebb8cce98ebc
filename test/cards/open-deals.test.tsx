import { Button, Flex, Text } from '@hubspot/ui-extensions';
import { CrmActionLink } from '@hubspot/ui-extensions/crm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BuyingGroupView } from '../../extensions/app/cards/company/BuyingGroupView.tsx';
import { PersonaCardView } from '../../extensions/app/cards/persona/PersonaCardView.tsx';
import { companyDealLines, contactDealLines } from '../../src/card/deal-model.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { crmSearchStub } from './crm-search-stub.ts';
import { CARLA, evaluation, person, SAM } from './deal-fixtures.ts';
import { renderWithFunctions } from './deal-render.tsx';
import { ACME, associations, contact, crm, deepText, search } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

/** The contact card of contact 123 (the renderer's record) with its open deals answered by `open_deals`. */
function renderContact(answer: (call: number) => unknown) {
  crmSearchStub.reset();
  crmSearchStub.result = search([]);
  const card = renderWithFunctions(null, { open_deals: answer });
  card.mocks.useCrmProperties.willCall(() => crm(contact({ jobtitle: 'Chief Financial Officer' })));
  card.mocks.useAssociations.willCall(() => associations([ACME]));
  card.render(<PersonaCardView openDeals />);
  return card;
}

const ME = person('123', 'Dana Reyes', 'Chief Financial Officer', 'economic_buyer');
const twoDeals = [
  evaluation([ME, SAM], { id: '501', name: 'Globex platform' }),
  evaluation([CARLA, { ...ME, labels: [{ typeId: 901, label: 'Champion', byRolecall: false }] }], {
    id: '502',
    name: 'Globex renewal',
  }),
];

describe('open deals on the contact and company cards', () => {
  it("contact card: the contact's role on each open deal, linked to the deal", async () => {
    const deals = contactDealLines(twoDeals, '123', defaultPlaybook);
    const card = renderContact(() => ({ ok: true, message: '2 open deals.', deals, more: false }));
    await vi.waitFor(() => expect(card.maybeFind(Flex, { testId: 'open-deals' })).not.toBeNull());
    expect(card.serverless).toHaveBeenCalledWith('open_deals', { parameters: { contactId: 123 } });
    const first = card.findByTestId(Flex, 'open-deal-501');
    expect(deepText(first)).toBe('Globex platform — Economic buyer (rolecall)');
    expect(first.find(CrmActionLink).props.actionContext).toEqual({ objectTypeId: '0-3', objectId: 501 });
    expect(deepText(card.findByTestId(Flex, 'open-deal-502'))).toBe(
      'Globex renewal — Champion (labelled on this deal)',
    );
    expect(deepText(card.findByTestId(Flex, 'open-deals'))).toContain('On open deals');
  });

  it('contact card: no open deal, loading, and an error with retry', async () => {
    let answerFirst: (value: unknown) => void = () => {};
    const first = new Promise((resolve) => {
      answerFirst = resolve;
    });
    const card = renderContact((n) =>
      n === 1 ? first : { ok: true, message: 'No deals.', deals: [], more: false },
    );
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'open-deals-loading' })).not.toBeNull());
    answerFirst({ ok: false, errors: ['HubSpot is slow.'] });
    await vi.waitFor(() => expect(card.maybeFind(Flex, { testId: 'open-deals-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Flex, 'open-deals-error'))).toContain('HubSpot is slow.');
    card.findByTestId(Button, 'open-deals-retry').trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'open-deals-none' })).not.toBeNull());
    expect(card.findByTestId(Text, 'open-deals-none').text).toBe('Not on any open deal.');
  });

  it("company card: each open deal's coverage and single-threading", async () => {
    const deals = companyDealLines(
      [twoDeals[0]!, evaluation([CARLA], { id: '503', name: 'Globex add-on' })],
      defaultPlaybook,
    );
    const card = renderWithFunctions(null, {
      open_deals: () => ({ ok: true, message: '2 open deals.', deals, more: true }),
    });
    card.mocks.useCrmProperties.willCall(() => crm(ACME.properties));
    card.mocks.useAssociations.willCall(() =>
      associations([{ id: 1, properties: { firstname: 'Carla', jobtitle: 'CFO' } }]),
    );
    card.render(<BuyingGroupView openDeals />);
    await vi.waitFor(() => expect(card.maybeFind(Flex, { testId: 'open-deals' })).not.toBeNull());
    expect(card.serverless).toHaveBeenCalledWith('open_deals', { parameters: { companyId: 123 } });
    expect(deepText(card.findByTestId(Flex, 'open-deal-501'))).toMatch(
      /^Globex platform — 2 of 4 roles, missing champion and technical evaluator$/,
    );
    expect(deepText(card.findByTestId(Flex, 'open-deal-503'))).toMatch(/single-threaded$/);
    expect(deepText(card.findByTestId(Flex, 'open-deals'))).toContain('The newest 2 open deals are shown.');
  });
});

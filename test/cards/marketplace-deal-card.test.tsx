import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Alert, Button, Flex, hubspot, StatusTag, Text } from '@hubspot/ui-extensions';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DealCardView as DealCardViewType } from '../../extensions/app/cards/deal/DealCardView.tsx';
import type { OpenDealsSection as OpenDealsSectionType } from '../../extensions/app/cards/shared/OpenDealsSection.tsx';
import { writeMarketplaceProject } from '../../src/build/marketplace.ts';
import { companyDealLines } from '../../src/card/deal-model.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { CARLA, dealModel, evaluation, IAN } from './deal-fixtures.ts';
import { renderWithFunctions } from './deal-render.tsx';
import { deepText } from './fixtures.ts';

afterEach(() => vi.restoreAllMocks());

/**
 * The marketplace (OAuth) build of the deal card and the open-deal lines: built as `npm run build --
 * --distribution marketplace` builds them, then rendered; every call is hubspot.fetch to the backend.
 */
const ORIGIN = 'https://rolecall.acme.io';
const root = join(import.meta.dirname, '../..');
const outDir = join(root, '.rolecall', `marketplace-deal-card-${process.pid}`);
let DealCardView: typeof DealCardViewType;
let OpenDealsSection: typeof OpenDealsSectionType;

beforeAll(async () => {
  const built = writeMarketplaceProject({ sourceDir: join(root, 'extensions'), outDir, publicUrl: ORIGIN });
  expect(built.errors).toEqual([]);
  const cards = join(outDir, 'extensions/app/cards');
  DealCardView = (await import(join(cards, 'deal/DealCardView.tsx'))).DealCardView;
  OpenDealsSection = (await import(join(cards, 'shared/OpenDealsSection.tsx'))).OpenDealsSection;
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** hubspot.fetch answering each backend path; app functions reject (an OAuth app has none). */
function backend(answers: Record<string, () => Response>) {
  const sent: Array<{ path: string; body: unknown }> = [];
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, init) => {
    const path = String(url).replace(ORIGIN, '');
    sent.push({ path, body: (init as { body?: unknown } | undefined)?.body });
    return answers[path]?.() ?? json({ ok: false, errors: ['no such route'] }, 404);
  });
  return sent;
}

describe('marketplace deal card (through the backend)', () => {
  it('reads the group and adds a candidate with POSTs to /api/cards/*, never an app function', async () => {
    const sent = backend({
      '/api/cards/deal-buying-group': () => json({ ok: true, message: 'read', card: dealModel() }),
      '/api/cards/add-to-deal': () =>
        json({ ok: true, message: 'Added to the deal as technical evaluator.' }),
    });
    const card = renderWithFunctions(<DealCardView />, {});
    await vi.waitFor(() =>
      expect(card.maybeFind(StatusTag, { testId: 'status-technical_evaluator' })).not.toBeNull(),
    );
    card.findByTestId(Button, `add-technical_evaluator-${IAN.id}`).trigger('onClick');
    await vi.waitFor(() => expect(card.maybeFind(Text, { testId: 'add-done' })).not.toBeNull());
    expect(sent.slice(0, 2)).toEqual([
      { path: '/api/cards/deal-buying-group', body: { dealId: 123 } },
      {
        path: '/api/cards/add-to-deal',
        body: { dealId: 123, contactId: IAN.id, role: 'technical_evaluator' },
      },
    ]);
    expect(card.serverless).not.toHaveBeenCalled();
  });

  it("a portal the backend no longer holds: the 403's code reaches the card as the disconnected state", async () => {
    backend({
      '/api/cards/deal-buying-group': () =>
        json(
          {
            ok: false,
            code: 'disconnected',
            errors: ['Rolecall is not connected to this HubSpot account; install the app again.'],
          },
          403,
        ),
    });
    const card = renderWithFunctions(<DealCardView />, {});
    await vi.waitFor(() => expect(card.maybeFind(Alert, { testId: 'disconnected' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'disconnected'))).toContain('install the app again');
  });

  it("a company's open deals come from /api/cards/open-deals", async () => {
    const deals = companyDealLines(
      [evaluation([CARLA], { id: '77', name: 'Acme expansion' })],
      defaultPlaybook,
    );
    const sent = backend({
      '/api/cards/open-deals': () => json({ ok: true, message: '1', deals, more: false }),
    });
    const card = renderWithFunctions(<OpenDealsSection of={{ companyId: 5 }} />, {});
    await vi.waitFor(() => expect(card.maybeFind(Flex, { testId: 'open-deal-77' })).not.toBeNull());
    expect(deepText(card.findByTestId(Flex, 'open-deal-77'))).toMatch(/^Acme expansion — 1 of 3 roles/); // an expansion: customer roles;
    expect(sent).toEqual([{ path: '/api/cards/open-deals', body: { companyId: 5 } }]);
  });
});

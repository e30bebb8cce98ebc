import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Alert, hubspot, LoadingButton, LoadingSpinner, ProgressBar } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BuyingGroupView as BuyingGroupViewType } from '../../extensions/app/cards/company/BuyingGroupView.tsx';
import type { PersonaCardView as PersonaCardViewType } from '../../extensions/app/cards/persona/PersonaCardView.tsx';
import type { PersonaSidebarView as PersonaSidebarViewType } from '../../extensions/app/cards/persona/PersonaSidebarView.tsx';
import type { SettingsPage as SettingsPageType } from '../../extensions/app/settings/SettingsPage.tsx';
import { writeMarketplaceProject } from '../../src/build/marketplace.ts';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };
import { ACME, type Associated, associations, contact, crm, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

afterEach(() => vi.restoreAllMocks());

/**
 * The marketplace (OAuth) build of the cards: the same views, with clients that reach the backend through
 * hubspot.fetch. Built here exactly as `npm run build -- --distribution marketplace` builds it, then rendered.
 */
const ORIGIN = 'https://rolecall.acme.io';
const root = join(import.meta.dirname, '../..');
let views: {
  card: typeof PersonaCardViewType;
  sidebar: typeof PersonaSidebarViewType;
  group: typeof BuyingGroupViewType;
  settings: typeof SettingsPageType;
};

// Inside the repository (git-ignored .rolecall/) so the built files resolve React and ui-extensions as the cards do.
const outDir = join(root, '.rolecall', `marketplace-cards-${process.pid}`);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

beforeAll(async () => {
  const built = writeMarketplaceProject({ sourceDir: join(root, 'extensions'), outDir, publicUrl: ORIGIN });
  expect(built.errors).toEqual([]);
  const cards = join(outDir, 'extensions/app/cards');
  views = {
    card: (await import(join(cards, 'persona/PersonaCardView.tsx'))).PersonaCardView,
    sidebar: (await import(join(cards, 'persona/PersonaSidebarView.tsx'))).PersonaSidebarView,
    group: (await import(join(cards, 'company/BuyingGroupView.tsx'))).BuyingGroupView,
    settings: (await import(join(outDir, 'extensions/app/settings/SettingsPage.tsx'))).SettingsPage,
  };
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** hubspot.fetch answering each backend path; records what the cards sent. */
function backend(answers: Record<string, () => Response | Promise<Response>>) {
  const sent: { url: string; init: unknown }[] = [];
  vi.spyOn(hubspot, 'serverless').mockRejectedValue(new Error('no app functions in an OAuth app'));
  const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, init) => {
    sent.push({ url: String(url), init });
    const path = String(url).replace(ORIGIN, '');
    const answer = answers[path];
    return answer ? answer() : json({ status: 'error' }, 404);
  });
  return { sent, fetch };
}

const renderCard = (props: Record<string, string | null>) =>
  renderPersona(props, { company: [ACME], views: { card: views.card, sidebar: views.sidebar } });

describe('marketplace contact card (save through the backend)', () => {
  it('complete: saves the suggestion with one signed POST to /api/cards/save-classification, never an app function', async () => {
    const { sent } = backend({
      '/api/cards/save-classification': () =>
        json({ ok: true, message: 'Saved Finance Leader as economic buyer.', written: ['rolecall_persona'] }),
    });
    const card = renderCard(contact({ jobtitle: 'Chief Financial Officer' }));
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() =>
      expect(deepText(card.findByTestId(Alert, 'save-done'))).toContain('Saved Finance Leader'),
    );
    expect(sent).toEqual([
      {
        url: `${ORIGIN}/api/cards/save-classification`,
        init: {
          method: 'POST',
          body: {
            contactId: 123,
            mode: 'suggestion',
            persona: 'finance_leader',
            buyingRole: 'economic_buyer',
          },
        },
      },
    ]);
    expect(hubspot.serverless).not.toHaveBeenCalled();
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(1);
  });

  it('error: a backend failure is shown as a sentence, and nothing claims to be saved', async () => {
    backend({ '/api/cards/save-classification': () => json({ message: 'boom' }, 502) });
    const card = renderCard(contact({ jobtitle: 'Chief Financial Officer' }));
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'save-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'save-error'))).toContain(
      'The rolecall backend answered 502 for the save',
    );
    expect(card.maybeFind(Alert, { testId: 'save-done' })).toBeNull();
  });

  it('disconnected portal: the backend’s own sentence (install again) reaches the rep', async () => {
    backend({
      '/api/cards/save-classification': () =>
        json(
          {
            ok: false,
            code: 'disconnected',
            errors: ['rolecall is not connected to this HubSpot account; ask an admin to install it again.'],
          },
          409,
        ),
    });
    const card = renderCard(contact({ jobtitle: 'Chief Financial Officer' }));
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'save-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'save-error'))).toContain('install it again');
  });

  it('loading: the record is still loading, so nothing is fetched and nothing is guessed', () => {
    const { fetch } = backend({});
    const card = renderPersona(contact(), {
      contactState: { isLoading: true },
      views: { card: views.card, sidebar: views.sidebar },
    });
    expect(card.find(LoadingSpinner).props.label).toMatch(/Reading this contact/);
    expect(fetch).not.toHaveBeenCalledWith(expect.stringContaining('/api/cards/'), expect.anything());
  });
});

const person = (id: number, firstname: string, jobtitle: string | null): Associated => ({
  id,
  properties: { firstname, lastname: 'Test', email: null, jobtitle, hs_seniority: null },
});

function renderGroup(contacts: Associated[], state: { isLoading?: boolean; hasNextPage?: boolean } = {}) {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.useCrmProperties.willCall(() => crm(ACME.properties));
  renderer.mocks.useAssociations.willCall(() => associations(contacts, state));
  const Group = views.group;
  renderer.render(<Group />);
  return renderer;
}

const GROUP = [person(1, 'Carla', 'Chief Financial Officer'), person(2, 'Sam', 'Sales Manager')];

describe('marketplace company card (whole group counted by the backend)', () => {
  it('complete: more than one page is counted by POST /api/cards/buying-group', async () => {
    const { sent } = backend({
      '/api/cards/buying-group': () =>
        json({
          ok: true,
          members: 240,
          partial: false,
          coverage: { required: ['economic_buyer', 'champion'], missing: ['champion'], score: 0.5 },
        }),
    });
    const card = renderGroup(GROUP, { hasNextPage: true });
    await card.waitFor(() =>
      expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toBe(
        '1 of 2 required roles across all 240 contacts (score 0.50)',
      ),
    );
    expect(sent).toEqual([
      { url: `${ORIGIN}/api/cards/buying-group`, init: { method: 'POST', body: { companyId: 123 } } },
    ]);
    expect(hubspot.serverless).not.toHaveBeenCalled();
  });

  it('error: falls back to the first page and says why the backend could not count', async () => {
    backend({ '/api/cards/buying-group': () => json({}, 500) });
    const card = renderGroup(GROUP, { hasNextPage: true });
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'full-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'full-error'))).toContain(
      'The rolecall backend answered 500 for the buying group',
    );
    expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toMatch(
      /across the first 100 contacts/,
    );
  });

  it('disconnected portal: the backend’s sentence is shown instead of a count', async () => {
    backend({
      '/api/cards/buying-group': () =>
        json(
          { ok: false, code: 'disconnected', errors: ['rolecall is not connected; install it again.'] },
          409,
        ),
    });
    const card = renderGroup(GROUP, { hasNextPage: true });
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'full-error' })).not.toBeNull());
    expect(deepText(card.findByTestId(Alert, 'full-error'))).toContain('install it again');
  });

  it('empty and one page: no backend call at all', () => {
    const { fetch } = backend({});
    const card = renderGroup(GROUP);
    expect(card.findByTestId(ProgressBar, 'coverage').props.valueDescription).toMatch(/across all contacts/);
    expect(fetch).not.toHaveBeenCalled();
    const empty = renderGroup([]);
    expect(empty.maybeFind(ProgressBar, { testId: 'coverage' })).toBeNull();
  });
});

describe('marketplace settings page (the playbook through the backend)', () => {
  const REVIEWED = Date.parse(`${defaultData.personas[0]!.reviewedAt}T00:00:00Z`);
  const renderSettings = () => {
    const page = createRenderer('settings');
    const Settings = views.settings;
    page.render(<Settings now={() => new Date(REVIEWED + 86_400_000)} />);
    return page;
  };

  it('loading, then complete: reads the portal’s playbook from the public URL, never the placeholder', async () => {
    const { sent } = backend({
      '/api/playbook': () => json({ version: 3, savedBy: 'pmm@acme.io', savedAt: 1, playbook: defaultData }),
      '/api/playbook/versions': () => json({ versions: [] }),
    });
    const page = renderSettings();
    expect(page.findByTestId(LoadingSpinner, 'loading')).toBeDefined();
    await page.waitFor(() => expect(page.maybeFind(LoadingSpinner, { testId: 'loading' })).toBeNull());
    expect(page.maybeFind(Alert, { testId: 'backend-error' })).toBeNull();
    expect(sent.map((r) => r.url)).toContain(`${ORIGIN}/api/playbook`);
    expect(sent.every((r) => r.url.startsWith(`${ORIGIN}/api/playbook`))).toBe(true);
  });

  it('error: a backend that does not answer is said so', async () => {
    vi.spyOn(hubspot, 'fetch').mockRejectedValue(new Error('network down'));
    const page = renderSettings();
    await page.waitFor(() => expect(page.maybeFind(Alert, { testId: 'backend-error' })).not.toBeNull());
  });
});

import { createRenderer } from '@hubspot/ui-extensions/testing';
import { PersonaCardView } from '../../extensions/app/cards/persona/PersonaCardView.tsx';
import { PersonaSidebarView } from '../../extensions/app/cards/persona/PersonaSidebarView.tsx';
import { crmSearchStub } from './crm-search-stub.ts';
import { type Associated, associations, crm, search } from './fixtures.ts';

type Props = Record<string, string | null>;

export interface PersonaRenderOptions {
  company?: Associated[];
  location?: 'crm.record.tab' | 'crm.record.sidebar';
  contactState?: { isLoading?: boolean; error?: Error | null };
  companyState?: { isLoading?: boolean; error?: Error | null };
  /** Other contacts at the company, as useCrmSearch returns them. */
  colleagues?: Associated[];
  colleaguesState?: { isLoading?: boolean; error?: Error | null };
  now?: () => Date;
  /** Other builds of the same views (the marketplace project's, whose clients call the backend). */
  views?: { card: typeof PersonaCardView; sidebar: typeof PersonaSidebarView };
}

/** Renders the persona card (or its sidebar variant) for one contact; returns the renderer. */
export function renderPersona(contactProps: Props, options: PersonaRenderOptions = {}) {
  const location = options.location ?? 'crm.record.tab';
  const renderer = createRenderer(location);
  let current = contactProps;
  const refetch = { count: 0 };
  renderer.mocks.useCrmProperties.willCall(() => ({
    ...crm(current, options.contactState),
    refetch: async () => {
      refetch.count += 1;
    },
  }));
  renderer.mocks.useAssociations.willCall(() => associations(options.company ?? [], options.companyState));
  crmSearchStub.reset();
  crmSearchStub.result = search(options.colleagues ?? [], options.colleaguesState);
  const Card = options.views?.card ?? PersonaCardView;
  const Sidebar = options.views?.sidebar ?? PersonaSidebarView;
  const view = () => (location === 'crm.record.tab' ? <Card now={options.now} /> : <Sidebar />);
  renderer.render(view());
  return {
    ...renderer,
    refetch,
    /** Simulates HubSpot delivering new property values (after a save or an edit) and re-renders. */
    update(next: Props) {
      current = next;
      renderer.render(view());
    },
  };
}

/** Hook results and sample records shared by the card tests; each test changes only what it is about. */

type Props = Record<string, string | null>;

export const crm = (properties: Props, state: { isLoading?: boolean; error?: Error | null } = {}) => ({
  properties,
  error: state.error ?? null,
  isLoading: state.isLoading ?? false,
  isRefetching: false,
  refetch: async () => {},
});

const pagination = (hasNextPage = false) => ({
  hasNextPage,
  hasPreviousPage: false,
  currentPage: 1,
  pageSize: 100,
  nextPage: () => {},
  previousPage: () => {},
  reset: () => {},
});

export interface Associated {
  id: number;
  properties: Props;
  primary?: boolean;
}

export const associations = (
  items: Associated[],
  state: { isLoading?: boolean; error?: Error | null; hasNextPage?: boolean } = {},
) => ({
  results: items.map((item) => ({
    toObjectId: item.id,
    associationTypes: [
      item.primary === false
        ? { category: 'HUBSPOT_DEFINED', typeId: 279, label: '' }
        : { category: 'HUBSPOT_DEFINED', typeId: 1, label: 'Primary' },
    ],
    properties: item.properties,
  })),
  error: state.error ?? null,
  isLoading: state.isLoading ?? false,
  isRefetching: false,
  refetch: async () => {},
  pagination: pagination(state.hasNextPage),
});

export const search = (items: Associated[], state: { isLoading?: boolean; error?: Error | null } = {}) => ({
  results: items.map((item) => ({ objectId: item.id, properties: item.properties })),
  total: items.length,
  error: state.error ?? null,
  isLoading: state.isLoading ?? false,
  isRefetching: false,
  refetch: async () => {},
  pagination: pagination(),
});

/** Every contact property the card reads, empty unless a test sets it. */
export const contact = (overrides: Props = {}): Props => ({
  firstname: 'Dana',
  lastname: 'Reyes',
  jobtitle: null,
  hs_seniority: null,
  hs_buying_role: null,
  rolecall_persona: null,
  rolecall_buying_role: null,
  rolecall_source: null,
  rolecall_reasons: null,
  rolecall_classified_at: null,
  ...overrides,
});

export const ACME: Associated = {
  id: 900,
  properties: {
    name: 'Acme Analytics',
    numberofemployees: '250',
    industry: 'COMPUTER_SOFTWARE',
    annualrevenue: '40000000',
  },
};

interface TextTree {
  nodeType: string;
  text?: string | null;
  childNodes?: TextTree[];
}

/** All text under a rendered node (`.text` holds only a node's own text children). */
export function deepText(node: unknown): string {
  const tree = node as TextTree;
  if (tree.nodeType === 'text') return tree.text ?? '';
  return (tree.childNodes ?? []).map(deepText).filter(Boolean).join(' ');
}

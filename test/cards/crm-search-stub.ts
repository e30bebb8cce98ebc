import { search } from './fixtures.ts';

/**
 * `useCrmSearch` in @hubspot/ui-extensions 0.17.0 is not mock-aware: createRenderer's `mocks.useCrmSearch`
 * is never consulted and the real hook stays loading. test/cards/setup.ts, the one mock of the module (a
 * vitest setup file), swaps the export for this stub in every test.
 */
export const crmSearchStub = {
  calls: [] as unknown[][],
  result: search([]) as ReturnType<typeof search>,
  reset() {
    this.calls = [];
    this.result = search([]);
  },
};

export function useCrmSearchStub(...args: unknown[]) {
  crmSearchStub.calls.push(args);
  return crmSearchStub.result;
}

export async function withCrmSearchStub(importOriginal: () => Promise<Record<string, unknown>>) {
  return { ...(await importOriginal()), useCrmSearch: useCrmSearchStub };
}

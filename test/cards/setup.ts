import { vi } from 'vitest';

/**
 * The one mock of the HubSpot platform module, for every test (vitest.config.mts `setupFiles`): the real
 * module, with `useCrmSearch` swapped for a stub tests can answer (see crm-search-stub.ts).
 */
vi.mock('@hubspot/ui-extensions', async (importOriginal) =>
  (await import('./crm-search-stub.ts')).withCrmSearchStub(importOriginal),
);

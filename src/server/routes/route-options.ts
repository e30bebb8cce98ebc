import type { Counters } from '../metrics.ts';
import type { PortalPorts } from '../portal-ports.ts';
import type { Store } from '../store/index.ts';
import type { ClassifyFn } from '../tagger.ts';
import type { VerifyContext } from '../verify-request.ts';

/** What every signed route HubSpot calls (cards, workflow action, bulk action) gets from the server. */
export interface SignedRouteOptions {
  verify: VerifyContext;
  ports: PortalPorts;
  store: Store;
  counters: Counters;
  now: () => Date;
}

/** A signed route that classifies: each portal's own playbook bound into `classify()`. */
export interface ClassifyRouteOptions extends SignedRouteOptions {
  classifyFor: (portalId: number) => Promise<ClassifyFn>;
}

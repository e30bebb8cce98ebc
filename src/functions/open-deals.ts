import { openDeals } from './deal-group.ts';
import { type FunctionContext, runFunction } from './run.ts';

/** App function `open_deals` (uid in functions/open-deals-hsmeta.json), bundled to CJS. */
export function main(context: FunctionContext = {}) {
  return runFunction('open_deals', openDeals, context);
}

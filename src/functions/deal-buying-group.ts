import { dealBuyingGroup } from './deal-group.ts';
import { type FunctionContext, runFunction } from './run.ts';

/** App function `deal_buying_group` (uid in functions/deal-buying-group-hsmeta.json), bundled to CJS. */
export function main(context: FunctionContext = {}) {
  return runFunction('deal_buying_group', dealBuyingGroup, context);
}

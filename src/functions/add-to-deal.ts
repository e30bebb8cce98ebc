import { addToDeal } from './deal-add.ts';
import { type FunctionContext, runFunction } from './run.ts';

/** App function `add_to_deal` (uid in functions/add-to-deal-hsmeta.json), bundled to CJS. */
export function main(context: FunctionContext = {}) {
  return runFunction('add_to_deal', addToDeal, context);
}

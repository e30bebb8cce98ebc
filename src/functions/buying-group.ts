import { buyingGroup, type GroupResult } from './group.ts';
import { type FunctionContext, runFunction } from './run.ts';

/** App function `buying_group` (uid in functions/buying-group-hsmeta.json), bundled to CJS. */
export function main(context: FunctionContext = {}): Promise<GroupResult> {
  return runFunction('buying_group', buyingGroup, context);
}

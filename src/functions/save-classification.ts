import { classify } from '../core.ts';
import { type FunctionContext, runFunction } from './run.ts';
import { type SaveResult, saveClassification } from './save.ts';

/** App function `save_classification` (uid in functions/save-classification-hsmeta.json), bundled to CJS. */
export function main(
  context: FunctionContext = {},
  options: { deadlineMs?: number } = {},
): Promise<SaveResult> {
  return runFunction(
    'save_classification',
    (parameters, env) => saveClassification(parameters, { ...env, classify }),
    context,
    options.deadlineMs,
  );
}

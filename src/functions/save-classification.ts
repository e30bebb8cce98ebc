import { classify, defaultPlaybook } from '../core.ts';
import { createGateway } from '../hubspot/gateway.ts';
import { fail } from './result.ts';
import { type SaveResult, saveClassification } from './save.ts';

/** Answer before HubSpot's ~15 s limit cuts the function off without a word. */
export const DEADLINE_MS = 12_000;

/** HubSpot's app-function context; only `parameters` is used. */
export interface FunctionContext {
  parameters?: unknown;
}

/**
 * App function `save_classification`, bundled to CommonJS by `npm run build`. HubSpot injects the app's
 * token as PRIVATE_APP_ACCESS_TOKEN; ROLECALL_HUBSPOT_BASE_URL points tests and local dev at a sandbox.
 */
export async function main(
  context: FunctionContext = {},
  options: { deadlineMs?: number } = {},
): Promise<SaveResult> {
  const accessToken = process.env.PRIVATE_APP_ACCESS_TOKEN;
  if (!accessToken) {
    return fail(
      'The app function has no access token (PRIVATE_APP_ACCESS_TOKEN); reinstall the app, then run "hs project upload".',
    );
  }
  // HubSpot stops a function after about 15 s: fail fast rather than retry for a minute.
  const gateway = createGateway({
    accessToken,
    baseUrl: process.env.ROLECALL_HUBSPOT_BASE_URL || undefined,
    maxAttempts: 2,
    maxRateLimitAttempts: 2,
    timeoutMs: 5_000,
  });
  const save = saveClassification(context.parameters, {
    gateway,
    playbook: defaultPlaybook,
    classify,
    now: () => new Date(),
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SaveResult>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(fail('HubSpot answered too slowly, so nothing was confirmed; press Try again in a moment.')),
      options.deadlineMs ?? DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([save, deadline]);
  } catch (error) {
    console.error('save_classification failed:', error instanceof Error ? error.message : String(error));
    return fail(
      'rolecall hit an unexpected error while saving; the details are in "hs project logs". Try again.',
    );
  } finally {
    clearTimeout(timer);
  }
}

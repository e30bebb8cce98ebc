import { defaultPlaybook } from '../core.ts';
import { createGateway, type Gateway } from '../hubspot/gateway.ts';
import type { Playbook } from '../playbook/schema.ts';
import { type FunctionResult, fail } from './result.ts';

/** Answer before HubSpot's ~15 s limit cuts a function off without a word. */
export const DEADLINE_MS = 12_000;

/** HubSpot's app-function context; only `parameters` is used. */
export interface FunctionContext {
  parameters?: unknown;
}

export interface FunctionEnv {
  gateway: Gateway;
  playbook: Playbook;
  now: () => Date;
}

/**
 * The edge every app function shares: the token HubSpot injects (PRIVATE_APP_ACCESS_TOKEN), a gateway that
 * fails fast, a deadline, and one catch. ROLECALL_HUBSPOT_BASE_URL points tests and local dev at a sandbox.
 */
export async function runFunction<T extends object>(
  name: string,
  handler: (parameters: unknown, env: FunctionEnv) => Promise<FunctionResult<T>>,
  context: FunctionContext,
  deadlineMs = DEADLINE_MS,
): Promise<FunctionResult<T>> {
  const accessToken = process.env.PRIVATE_APP_ACCESS_TOKEN;
  if (!accessToken) {
    return {
      ...fail(
        'The app function has no access token (PRIVATE_APP_ACCESS_TOKEN); reinstall the app, then run "hs project upload".',
      ),
      code: 'disconnected',
    };
  }
  const gateway = createGateway({
    accessToken,
    baseUrl: process.env.ROLECALL_HUBSPOT_BASE_URL || undefined,
    maxAttempts: 2,
    maxRateLimitAttempts: 2,
    timeoutMs: 5_000,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<FunctionResult<T>>((resolve) => {
    timer = setTimeout(
      () =>
        resolve(fail('HubSpot answered too slowly, so nothing was confirmed; press Try again in a moment.')),
      deadlineMs,
    );
  });
  try {
    const work = handler(context.parameters, { gateway, playbook: defaultPlaybook, now: () => new Date() });
    return await Promise.race([work, deadline]);
  } catch (error) {
    // Only the message: an SDK error object can carry request headers.
    console.error(`${name} failed:`, error instanceof Error ? error.message : String(error));
    return fail(
      `rolecall hit an unexpected error in ${name}; the details are in "hs project logs". Try again.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

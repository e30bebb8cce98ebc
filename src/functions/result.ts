import type { HubSpotError } from '../hubspot/errors.ts';

/** What every rolecall app function returns: JSON, never a thrown error for a foreseeable failure. */
export type FunctionResult<T extends object = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; errors: string[]; code?: FailureCode };

/** What a card can do about a failure beyond showing it: reconnect the app, or run setup. */
export type FailureCode = 'disconnected' | 'unconfigured';

export const fail = (...errors: string[]): { ok: false; errors: string[] } => ({ ok: false, errors });

/** A gateway error as the rep reads it: HubSpot's translated sentence, plus what to do when it is passing. */
export function hubspotFailure(error: HubSpotError) {
  const retry = error.retryable && !/try again/i.test(error.message) ? ' Try again in a moment.' : '';
  const failure = fail(`${error.message}${retry}`);
  return error.kind === 'auth' ? { ...failure, code: 'disconnected' as const } : failure;
}

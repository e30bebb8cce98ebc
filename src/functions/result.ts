import type { HubSpotError } from '../hubspot/errors.ts';

/** What every rolecall app function returns: JSON, never a thrown error for a foreseeable failure. */
export type FunctionResult<T extends object = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; errors: string[] };

export const fail = (...errors: string[]): { ok: false; errors: string[] } => ({ ok: false, errors });

/** A gateway error as the rep reads it: HubSpot's translated sentence, plus what to do when it is passing. */
export function hubspotFailure(error: HubSpotError) {
  const retry = error.retryable && !/try again/i.test(error.message) ? ' Try again in a moment.' : '';
  return fail(`${error.message}${retry}`);
}

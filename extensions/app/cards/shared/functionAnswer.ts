/** A failure a card can act on: `disconnected` (reinstall the app) or `unconfigured` (run setup). */
export interface CardFailure {
  errors: string[];
  code?: 'disconnected' | 'unconfigured';
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Reads an app function's (or the backend's) JSON answer: the body when `ok` is true and `has(body)` holds,
 * else throws a CardFailure with the answer's readable errors and code.
 */
export function answerOf<T>(
  result: unknown,
  has: (body: Record<string, unknown>) => boolean,
  what: string,
): T {
  const body = (result ?? {}) as Record<string, unknown>;
  if (body.ok === true && has(body)) return body as T;
  const errors = strings(body.errors);
  const code = body.code === 'disconnected' || body.code === 'unconfigured' ? body.code : undefined;
  const failure: CardFailure = {
    errors: errors.length > 0 ? errors : [`${what} gave no usable answer; try again.`],
    ...(code ? { code } : {}),
  };
  throw failure;
}

/** The failure's code, when an error came from answerOf. */
export function failureCode(error: unknown): CardFailure['code'] {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'disconnected' || code === 'unconfigured' ? code : undefined;
}

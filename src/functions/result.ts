/** What every rolecall app function returns: JSON, never a thrown error for a foreseeable failure. */
export type FunctionResult<T extends object = object> =
  | ({ ok: true; message: string } & T)
  | { ok: false; errors: string[] };

export const fail = (...errors: string[]): { ok: false; errors: string[] } => ({ ok: false, errors });

import { hubspot } from '@hubspot/ui-extensions';

/** The uid of the app function in `functions/save-classification-hsmeta.json`. */
export const SAVE_FUNCTION_UID = 'save_classification';

/** Parameters of `save_classification`; `persona` and `buyingRole` are what the rep saw or chose. */
export interface SaveRequest {
  contactId: number;
  /** `suggestion` saves rolecall's reading (as `auto`); `override` saves the rep's choice (as `manual`). */
  mode: 'suggestion' | 'override';
  persona: string;
  buyingRole: string;
  /** Who made an override, for the reasons field. */
  setBy?: string;
}

export interface SaveOutcome {
  message: string;
  written: string[];
  protectedProperties: string[];
}

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Runs the app function; resolves with what was written, or rejects with the function's readable errors. */
export async function saveClassification(request: SaveRequest): Promise<SaveOutcome> {
  const parameters = { ...request } as Record<string, string | number>;
  const result: unknown = await hubspot.serverless(SAVE_FUNCTION_UID, { parameters });
  const body = (result ?? {}) as Record<string, unknown>;
  if (body.ok !== true) {
    const errors = asStrings(body.errors);
    throw { errors: errors.length > 0 ? errors : ['The save function gave no answer; try again.'] };
  }
  return {
    message: typeof body.message === 'string' ? body.message : 'Saved.',
    written: asStrings(body.written),
    protectedProperties: asStrings(body.protectedProperties),
  };
}

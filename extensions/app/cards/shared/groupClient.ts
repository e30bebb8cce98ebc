import { hubspot } from '@hubspot/ui-extensions';

/** The uid of the app function in `functions/buying-group-hsmeta.json`. */
export const GROUP_FUNCTION_UID = 'buying_group';

export interface GroupSummary {
  members: number;
  partial: boolean;
  required: string[];
  missing: string[];
  score: number;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The whole buying group's coverage, counted server-side; rejects with the function's readable errors. */
export async function fetchGroupSummary(companyId: number): Promise<GroupSummary> {
  const result: unknown = await hubspot.serverless(GROUP_FUNCTION_UID, { parameters: { companyId } });
  const body = (result ?? {}) as Record<string, unknown>;
  const coverage = (body.coverage ?? {}) as Record<string, unknown>;
  if (body.ok !== true || typeof body.members !== 'number' || typeof coverage.score !== 'number') {
    const errors = strings(body.errors);
    throw {
      errors: errors.length > 0 ? errors : ['The buying-group function gave no usable answer; try again.'],
    };
  }
  return {
    members: body.members,
    partial: body.partial === true,
    required: strings(coverage.required),
    missing: strings(coverage.missing),
    score: coverage.score,
  };
}

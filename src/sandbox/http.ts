import { ApiError, validationError } from './errors.ts';
import type { ObjectType } from './property-types.ts';

/** What a route returns: a status and an optional body (no body for 204). */
export interface Reply {
  status: number;
  body?: unknown;
}

export type RouteResult = Reply | ApiError;

export const reply = (status: number, body?: unknown): Reply => ({ status, body });

export function isError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** Query lists arrive as repeated keys (the SDK) or comma-separated (docs): accept both. */
export function listParam(query: Record<string, unknown>, key: string): string[] | undefined {
  const raw = query[key];
  if (raw === undefined) return undefined;
  const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

export function boolParam(query: Record<string, unknown>, key: string): boolean {
  const raw = query[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === 'true';
}

export function stringParam(query: Record<string, unknown>, key: string): string | undefined {
  const raw = query[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === 'string' ? value : undefined;
}

const TYPE_ALIASES: Record<string, ObjectType> = {
  contacts: 'contacts',
  contact: 'contacts',
  '0-1': 'contacts',
  companies: 'companies',
  company: 'companies',
  '0-2': 'companies',
  deals: 'deals',
  deal: 'deals',
  '0-3': 'deals',
  calls: 'calls',
  call: 'calls',
  '0-48': 'calls',
  meetings: 'meetings',
  meeting: 'meetings',
  '0-47': 'meetings',
  emails: 'emails',
  email: 'emails',
  '0-49': 'emails',
};

/** The object type of a path segment, or undefined for types the sandbox does not serve. */
export function objectType(segment: string): ObjectType | undefined {
  return TYPE_ALIASES[segment.toLowerCase()];
}

/** Reads `inputs` from a batch body; too many or a missing array are VALIDATION_ERRORs. */
export function batchInputs(body: unknown, max: number): Record<string, unknown>[] | ApiError {
  const inputs = (body as { inputs?: unknown } | undefined)?.inputs;
  if (!Array.isArray(inputs)) return validationError('Invalid input: the body must have an "inputs" array.');
  if (inputs.length > max) {
    return validationError(
      `Too many inputs: ${inputs.length} were sent, and at most ${max} are allowed per batch.`,
    );
  }
  const bad = inputs.findIndex((i) => i === null || typeof i !== 'object' || Array.isArray(i));
  if (bad >= 0) return validationError(`Invalid input: inputs[${bad}] must be an object.`);
  return inputs as Record<string, unknown>[];
}

export const isoNow = (ms: number): string => new Date(ms).toISOString();

import { type ApiError, validationError } from './errors.ts';
import type { PropertyDefinition } from './property-types.ts';

/** One invalid property value, as HubSpot lists it in a VALIDATION_ERROR. */
export interface ValueProblem {
  name: string;
  code: string;
  message: string;
}

export type WriteCheck =
  | { ok: true; values: Record<string, string> }
  | { ok: false; problems: ValueProblem[] };

const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EPOCH = /^-?\d{1,15}$/;

/** Checks one value against its definition; returns the value to store, or a problem. */
function checkValue(
  def: PropertyDefinition,
  raw: string,
  current: string | undefined,
): string | ValueProblem {
  const name = def.name;
  if (def.modificationMetadata.readOnlyValue) {
    return {
      name,
      code: 'READ_ONLY_VALUE',
      message: `Property "${name}" is a read only property; its value cannot be set.`,
    };
  }
  if (raw === '') return ''; // "" clears a value
  switch (def.type) {
    case 'number':
      return NUMBER.test(raw)
        ? raw
        : { name, code: 'INVALID_INTEGER', message: `${raw} is not a valid number.` };
    case 'bool':
      return raw === 'true' || raw === 'false'
        ? raw
        : { name, code: 'INVALID_BOOLEAN', message: `${raw} is not a valid boolean; use "true" or "false".` };
    case 'date': {
      if (ISO_DATE.test(raw) && !Number.isNaN(Date.parse(raw))) return raw;
      if (EPOCH.test(raw) && Number(raw) % 86_400_000 === 0)
        return new Date(Number(raw)).toISOString().slice(0, 10);
      return {
        name,
        code: 'INVALID_DATE',
        message: `${raw} is not a valid date: use YYYY-MM-DD or epoch milliseconds at midnight UTC.`,
      };
    }
    case 'datetime': {
      if (EPOCH.test(raw)) return new Date(Number(raw)).toISOString();
      if (ISO_DATETIME.test(raw) && !Number.isNaN(Date.parse(raw))) return new Date(raw).toISOString();
      return {
        name,
        code: 'INVALID_DATETIME',
        message: `${raw} is not a valid datetime: use ISO 8601 or epoch milliseconds.`,
      };
    }
    case 'enumeration':
      return checkOptions(def, raw, current);
    default:
      return raw;
  }
}

function checkOptions(
  def: PropertyDefinition,
  raw: string,
  current: string | undefined,
): string | ValueProblem {
  const allowed = def.options.map((o) => o.value);
  const multiple = def.fieldType === 'checkbox';
  const append = multiple && raw.startsWith(';'); // a leading ';' appends to the current value
  const parts = multiple ? raw.split(';').filter((p, i) => !(append && i === 0 && p === '')) : [raw];
  for (const part of parts) {
    if (!allowed.includes(part)) {
      return {
        name: def.name,
        code: 'INVALID_OPTION',
        message: `${part} was not one of the allowed options: [${allowed.join(', ')}]`,
      };
    }
  }
  if (!append) return parts.join(';');
  const merged = current ? current.split(';') : [];
  for (const part of parts) if (!merged.includes(part)) merged.push(part);
  return merged.join(';');
}

/** Validates a write (`properties` of a create/update); unknown names and bad values are all reported. */
export function checkWrite(
  defs: ReadonlyMap<string, PropertyDefinition>,
  input: unknown,
  current: Readonly<Record<string, string>> = {},
): WriteCheck {
  if (input === undefined || input === null) return { ok: true, values: {} };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ name: 'properties', code: 'INVALID_JSON', message: 'properties must be an object' }],
    };
  }
  const values: Record<string, string> = {};
  const problems: ValueProblem[] = [];
  for (const [name, rawValue] of Object.entries(input)) {
    const def = defs.get(name);
    if (!def || def.archived) {
      problems.push({ name, code: 'PROPERTY_DOESNT_EXIST', message: `Property "${name}" does not exist` });
      continue;
    }
    if (rawValue !== null && typeof rawValue === 'object') {
      problems.push({
        name,
        code: 'INVALID_PROPERTY_VALUE',
        message: `Property "${name}" must be a string.`,
      });
      continue;
    }
    const result = checkValue(def, rawValue === null ? '' : String(rawValue), current[name]);
    if (typeof result === 'string') values[name] = result;
    else problems.push(result);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** The 400 body HubSpot sends for invalid property values (hubspot-api.md §2). */
export function problemsError(problems: readonly ValueProblem[], portalId: number): ApiError {
  return validationError(problemsMessage(problems, portalId), problemsDetails(problems));
}

export function problemsMessage(problems: readonly ValueProblem[], portalId: number): string {
  const items = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.code,
    name: p.name,
    localizedErrorMessage: p.message,
    portalId,
  }));
  return `Property values were not valid: ${JSON.stringify(items)}`;
}

export function problemsDetails(problems: readonly ValueProblem[]) {
  return problems.map((p) => ({ message: p.message, code: p.code, context: { propertyName: [p.name] } }));
}

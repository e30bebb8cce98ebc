import { type ApiError, validationError } from './errors.ts';
import { FIELD_TYPES, type PropertyOption } from './property-types.ts';

export function pickStrings(input: Record<string, unknown>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) if (typeof input[key] === 'string') out[key] = input[key] as string;
  return out;
}

/** type/fieldType compatibility and enumeration options; returns the normalised options or an error. */
export function checkShape(
  type: string,
  fieldType: string,
  rawOptions: unknown,
): PropertyOption[] | ApiError {
  const fields = FIELD_TYPES[type];
  if (!fields)
    return validationError(
      `Unknown property type ${type}; use one of ${Object.keys(FIELD_TYPES).join(', ')}.`,
    );
  if (!fields.includes(fieldType)) {
    return validationError(
      `fieldType ${fieldType} is not valid for type ${type}; use one of ${fields.join(', ')}.`,
    );
  }
  if (type !== 'enumeration') return [];
  if (!Array.isArray(rawOptions) || rawOptions.length === 0) {
    return validationError('Enumeration properties need at least one option.');
  }
  const options: PropertyOption[] = [];
  const seen = new Set<string>();
  for (const [i, raw] of rawOptions.entries()) {
    const o = (raw ?? {}) as Record<string, unknown>;
    if (typeof o.label !== 'string' || typeof o.value !== 'string') {
      return validationError(`Option ${i} needs a string label and value.`);
    }
    if (seen.has(o.value)) return validationError(`Option value ${o.value} appears twice.`);
    seen.add(o.value);
    const option: PropertyOption = {
      label: o.label,
      value: o.value,
      displayOrder: typeof o.displayOrder === 'number' ? o.displayOrder : i,
      hidden: o.hidden === true,
    };
    if (typeof o.description === 'string') option.description = o.description;
    options.push(option);
  }
  return options;
}

import type { z } from 'zod';
import { BUYING_ROLES, FUNCTIONS, HUBSPOT_BUYING_ROLES, SENIORITIES, SIZE_BANDS } from '../taxonomy.ts';
import { issue, type PlaybookIssue } from './issues.ts';
import { PRODUCT_GROUPS, playbookJsonSchema } from './schema.ts';
import { didYouMean } from './text.ts';

// zod's findings as playbook issues; apart from issues.ts so that what only reports an issue loads no zod.

/** Which vocabulary a list of allowed values is, so the message can name it. */
const VOCABULARIES: readonly [string, readonly string[]][] = [
  ['seniority', SENIORITIES],
  ['function', FUNCTIONS],
  ['size band', SIZE_BANDS],
  ['buying role', BUYING_ROLES],
  ['HubSpot buying role', HUBSPOT_BUYING_ROLES],
  ['product group', PRODUCT_GROUPS],
];

function vocabularyName(values: readonly unknown[]): string {
  const found = VOCABULARIES.find(([, list]) => list.every((id) => values.includes(id)));
  return found ? found[0] : 'allowed value';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

type JsonNode = {
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  additionalProperties?: JsonNode;
  propertyNames?: { enum?: string[] };
};
let jsonSchema: JsonNode | null = null;

/** The keys the schema allows at a path, read from the generated JSON Schema. */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  jsonSchema ??= playbookJsonSchema() as JsonNode;
  let node: JsonNode | undefined = jsonSchema;
  for (const key of path) {
    node =
      typeof key === 'number' ? node?.items : (node?.properties?.[String(key)] ?? node?.additionalProperties);
  }
  return node?.propertyNames?.enum ?? Object.keys(node?.properties ?? {});
}

/** Common names for vocabulary ids that spelling distance cannot find. */
const ALIASES: Readonly<Record<string, string>> = {
  human_resources: 'hr',
  people: 'hr',
  recruiting: 'hr',
  information_technology: 'it',
  security: 'it',
  support: 'customer_success',
  customer_service: 'customer_success',
  purchasing: 'procurement',
  accounting: 'finance',
  revops: 'operations',
  ceo: 'c_level',
  chief: 'c_level',
  vice_president: 'vp',
  budget_holder: 'economic_buyer',
  user: 'end_user',
};

const quote = (value: unknown) => JSON.stringify(value) ?? String(value);
const suggestion = (value: string, candidates: readonly string[]) => {
  const alias = ALIASES[value.toLowerCase()];
  const guess = alias && candidates.includes(alias) ? alias : didYouMean(value, candidates);
  return guess ? `; did you mean "${guess}"?` : `; use one of: ${candidates.join(', ')}`;
};

/** Turns zod's structured issues into sentences that name the fix. */
export function fromZodIssues(
  source: string,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): PlaybookIssue[] {
  return issues.flatMap((zodIssue): PlaybookIssue[] => {
    const path = zodIssue.path;
    const value = valueAt(data, path);
    switch (zodIssue.code) {
      case 'unrecognized_keys': {
        const allowed = allowedKeys(path);
        return zodIssue.keys.map((key) =>
          issue(source, [...path, key], `unknown key "${key}"${suggestion(key, allowed)}`),
        );
      }
      case 'invalid_value': {
        const noun = vocabularyName(zodIssue.values);
        const allowed = zodIssue.values.map(String);
        return [issue(source, path, `${quote(value)} is not a ${noun}${suggestion(String(value), allowed)}`)];
      }
      case 'invalid_key': {
        const allowed = VOCABULARIES.find(([name]) => name === 'buying role')?.[1] ?? [];
        const key = String(path[path.length - 1] ?? '');
        return [issue(source, path, `"${key}" is not a buying role${suggestion(key, allowed)}`)];
      }
      case 'invalid_type':
        if (value === undefined) {
          return [
            issue(
              source,
              path,
              `missing; add "${String(path[path.length - 1] ?? 'it')}" (${zodIssue.expected})`,
            ),
          ];
        }
        return [issue(source, path, `expected ${zodIssue.expected}, got ${quote(value)}`)];
      default:
        return [issue(source, path, zodIssue.message)];
    }
  });
}

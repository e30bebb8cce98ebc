import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_JSON_PATH,
  defaultPlaybookData,
  SCHEMA_JSON_PATH,
} from '../../src/playbook/build-default.ts';
import { playbookJsonSchema } from '../../src/playbook/schema.ts';

const FIX = 'run "npx tsx src/playbook/build-default.ts" and commit the result';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('generated playbook files are current', () => {
  it(`default-playbook.json holds the YAML's content (else ${FIX})`, () => {
    expect(readJson(DEFAULT_JSON_PATH), FIX).toEqual(defaultPlaybookData());
  });

  it(`playbook.schema.json matches the zod schema (else ${FIX})`, () => {
    expect(readJson(SCHEMA_JSON_PATH), FIX).toEqual(playbookJsonSchema());
  });

  it('the JSON Schema rejects unknown keys and lists the vocabularies, for editor completion', () => {
    const schema = playbookJsonSchema() as {
      additionalProperties?: boolean;
      properties: Record<string, unknown>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema.properties.roleRules)).toContain('"economic_buyer"');
  });
});

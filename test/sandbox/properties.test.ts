import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUBSPOT_BUYING_ROLES } from '../../src/taxonomy.ts';
import { type Harness, harness, keys, raw, sdkError } from './helpers.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness({ contacts: 30 });
});
afterAll(async () => h.sandbox.close());

const DOCUMENTED_PROPERTY_KEYS = [
  'archived',
  'calculated',
  'createdAt',
  'description',
  'displayOrder',
  'externalOptions',
  'fieldType',
  'formField',
  'groupName',
  'hasUniqueValue',
  'hidden',
  'hubspotDefined',
  'label',
  'modificationMetadata',
  'name',
  'options',
  'type',
  'updatedAt',
];

describe('property definitions', () => {
  it('serves hs_buying_role as a multi-checkbox with HubSpot options and the documented keys', async () => {
    const response = await raw(h.sandbox, 'GET', '/crm/v3/properties/contacts/hs_buying_role');
    expect(keys(response.json)).toEqual(DOCUMENTED_PROPERTY_KEYS);
    expect(response.json).toMatchObject({ type: 'enumeration', fieldType: 'checkbox' });
    const options = response.json.options as { value: string; label: string; hidden: boolean }[];
    expect(options.map((o) => o.value)).toEqual([
      'BLOCKER',
      'BUDGET_HOLDER',
      'CHAMPION',
      'DECISION_MAKER',
      'END_USER',
      'EXECUTIVE_SPONSOR',
      'INFLUENCER',
      'LEGAL_AND_COMPLIANCE',
      'OTHER',
    ]);
    expect(options.find((o) => o.value === 'BUDGET_HOLDER')?.label).toBe('Budget Holder');
    // rolecall's own copy of HubSpot's list (what it writes) must hold only values the portal offers.
    expect(options.map((o) => o.value)).toEqual(expect.arrayContaining([...HUBSPOT_BUYING_ROLES]));
  });

  it('serves hs_persona as a select with persona_1..persona_5', async () => {
    const persona = await h.client.crm.properties.coreApi.getByName('contacts', 'hs_persona');
    expect(persona.fieldType).toBe('select');
    expect(persona.options.map((o) => o.value)).toEqual([
      'persona_1',
      'persona_2',
      'persona_3',
      'persona_4',
      'persona_5',
    ]);
    expect(persona.options.every((o) => o.label.length > 0)).toBe(true);
  });

  it('lists properties and groups of both object types', async () => {
    const contacts = await h.client.crm.properties.coreApi.getAll('contacts');
    expect(contacts.results.map((p) => p.name)).toEqual(
      expect.arrayContaining(['jobtitle', 'hs_seniority', 'email']),
    );
    const companies = await h.client.crm.properties.coreApi.getAll('companies');
    const industry = companies.results.find((p) => p.name === 'industry');
    expect(industry?.options.map((o) => o.value)).toContain('COMPUTER_SOFTWARE');
    const groups = await h.client.crm.properties.groupsApi.getAll('contacts');
    expect(groups.results.map((g) => g.name)).toContain('contactinformation');
  });

  it('creates a group and properties (201), refuses a duplicate with 409, and updates options', async () => {
    const group = await h.client.crm.properties.groupsApi.create('contacts', {
      name: 'rolecall',
      label: 'rolecall',
    });
    expect(group).toMatchObject({ name: 'rolecall', archived: false });
    const dupGroup = await raw(h.sandbox, 'POST', '/crm/v3/properties/contacts/groups', {
      name: 'rolecall',
      label: 'x',
    });
    expect(dupGroup.status).toBe(409);
    const created = await h.client.crm.properties.coreApi.create('contacts', {
      name: 'rolecall_persona',
      label: 'Persona (rolecall)',
      type: 'enumeration' as never,
      fieldType: 'select' as never,
      groupName: 'rolecall',
      options: [{ label: 'Champion', value: 'champion', hidden: false, displayOrder: 0 }],
    });
    expect(created).toMatchObject({ name: 'rolecall_persona', hubspotDefined: false, groupName: 'rolecall' });
    const dup = await raw(h.sandbox, 'POST', '/crm/v3/properties/contacts', {
      name: 'rolecall_persona',
      label: 'again',
      type: 'string',
      fieldType: 'text',
      groupName: 'rolecall',
    });
    expect(dup.status).toBe(409);
    expect(dup.json.category).toBe('CONFLICT');
    const updated = await h.client.crm.properties.coreApi.update('contacts', 'rolecall_persona', {
      options: [
        { label: 'Champion', value: 'champion', hidden: false, displayOrder: 0 },
        { label: 'Blocker', value: 'blocker', hidden: false, displayOrder: 1 },
      ],
    });
    expect(updated.options.map((o) => o.value)).toEqual(['champion', 'blocker']);
    const batch = await raw(h.sandbox, 'POST', '/crm/v3/properties/contacts/batch/create', {
      inputs: [
        {
          name: 'rolecall_confidence',
          label: 'Confidence',
          type: 'number',
          fieldType: 'number',
          groupName: 'rolecall',
        },
        {
          name: 'rolecall_classified_at',
          label: 'At',
          type: 'datetime',
          fieldType: 'date',
          groupName: 'rolecall',
        },
      ],
    });
    expect(batch.status).toBe(201);
  });

  it('enforces custom unique values with 409 CONFLICT', async () => {
    await h.client.crm.properties.coreApi.create('contacts', {
      name: 'employee_number',
      label: 'Employee number',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'contactinformation',
      hasUniqueValue: true,
    });
    await h.client.crm.contacts.basicApi.update('1005', { properties: { employee_number: 'E-7' } });
    const clash = await sdkError(
      h.client.crm.contacts.basicApi.update('1006', { properties: { employee_number: 'e-7' } }),
    );
    expect(clash.code).toBe(409);
    expect(clash.body.message).toBe('Contact already exists. Existing ID: 1005');
    const immutable = await raw(h.sandbox, 'PATCH', '/crm/v3/properties/contacts/employee_number', {
      hasUniqueValue: false,
    });
    expect(immutable.status).toBe(400);
  });

  it('rejects bad definitions: type/fieldType mismatch, enumeration without options, unknown group', async () => {
    const base = { label: 'L', groupName: 'contactinformation' };
    const cases = [
      { ...base, name: 'bad_a', type: 'number', fieldType: 'text' },
      { ...base, name: 'bad_b', type: 'enumeration', fieldType: 'select' },
      { ...base, name: 'bad_c', type: 'string', fieldType: 'text', groupName: 'nope' },
      { ...base, name: 'Bad Name', type: 'string', fieldType: 'text' },
    ];
    for (const body of cases) {
      const response = await raw(h.sandbox, 'POST', '/crm/v3/properties/contacts', body);
      expect(response.status, body.name).toBe(400);
      expect(response.json.category).toBe('VALIDATION_ERROR');
    }
    expect((await raw(h.sandbox, 'GET', '/crm/v3/properties/contacts/nope')).status).toBe(404);
  });
});

describe('property lifecycle through the SDK', () => {
  it('updates and archives groups and properties, and batch-reads with 207 for unknown names', async () => {
    await h.client.crm.properties.groupsApi.create('companies', { name: 'scratch', label: 'Scratch' });
    const renamed = await h.client.crm.properties.groupsApi.update('companies', 'scratch', {
      label: 'Scratch pad',
    });
    expect(renamed.label).toBe('Scratch pad');
    await h.client.crm.properties.coreApi.create('companies', {
      name: 'scratch_note',
      label: 'Note',
      type: 'string' as never,
      fieldType: 'text' as never,
      groupName: 'scratch',
    });
    await h.client.crm.properties.coreApi.archive('companies', 'scratch_note');
    const live = await h.client.crm.properties.coreApi.getAll('companies');
    expect(live.results.map((p) => p.name)).not.toContain('scratch_note');
    const archived = await h.client.crm.properties.coreApi.getAll('companies', true);
    expect(archived.results.map((p) => p.name)).toEqual(['scratch_note']);
    const write = await sdkError(
      h.client.crm.companies.basicApi.update('2000000001', { properties: { scratch_note: 'x' } }),
    );
    expect((write.body.errors as { code: string }[])[0]?.code).toBe('PROPERTY_DOESNT_EXIST');
    await h.client.crm.properties.groupsApi.archive('companies', 'scratch');
    const groups = await h.client.crm.properties.groupsApi.getAll('companies');
    expect(groups.results.map((g) => g.name)).not.toContain('scratch');
    const read = await raw(h.sandbox, 'POST', '/crm/v3/properties/contacts/batch/read', {
      inputs: [{ name: 'email' }, { name: 'nope' }],
      archived: false,
    });
    expect(read.status).toBe(207);
    expect((read.json.results as { name: string }[]).map((p) => p.name)).toEqual(['email']);
    const builtin = await raw(h.sandbox, 'DELETE', '/crm/v3/properties/contacts/hs_buying_role');
    expect(builtin.status).toBe(400);
  });
});

describe('value validation on writes', () => {
  it('names an unknown property with PROPERTY_DOESNT_EXIST in the documented shape', async () => {
    const error = await sdkError(
      h.client.crm.contacts.basicApi.update('1001', { properties: { testproperty: 'x' } }),
    );
    expect(error.code).toBe(400);
    expect(keys(error.body)).toEqual(['category', 'correlationId', 'errors', 'message', 'status']);
    expect(error.body.errors).toEqual([
      {
        message: 'Property "testproperty" does not exist',
        code: 'PROPERTY_DOESNT_EXIST',
        context: { propertyName: ['testproperty'] },
      },
    ]);
    const inner = JSON.parse(String(error.body.message).replace('Property values were not valid: ', ''));
    expect(inner[0]).toMatchObject({ isValid: false, error: 'PROPERTY_DOESNT_EXIST', name: 'testproperty' });
    expect(keys(inner[0])).toEqual([
      'error',
      'isValid',
      'localizedErrorMessage',
      'message',
      'name',
      'portalId',
    ]);
  });

  it('checks every ;-separated option, case-sensitively, and refuses labels', async () => {
    for (const value of ['CHAMPION;nope', 'champion', 'Budget Holder', 'CHAMPION,END_USER']) {
      const error = await sdkError(
        h.client.crm.contacts.basicApi.update('1001', { properties: { hs_buying_role: value } }),
      );
      expect(error.code, value).toBe(400);
      expect((error.body.errors as { code: string }[])[0]?.code).toBe('INVALID_OPTION');
    }
    const select = await sdkError(
      h.client.crm.contacts.basicApi.update('1001', { properties: { hs_persona: 'persona_1;persona_2' } }),
    );
    expect((select.body.errors as { code: string }[])[0]?.code).toBe('INVALID_OPTION');
  });

  it('replaces a multi-checkbox value, appends with a leading ;, and clears with ""', async () => {
    const update = (value: string) =>
      h.client.crm.contacts.basicApi.update('1002', { properties: { hs_buying_role: value } });
    await update('DECISION_MAKER');
    expect((await update(';BUDGET_HOLDER;END_USER')).properties.hs_buying_role).toBe(
      'DECISION_MAKER;BUDGET_HOLDER;END_USER',
    );
    expect((await update('CHAMPION')).properties.hs_buying_role).toBe('CHAMPION');
    expect((await update('')).properties.hs_buying_role).toBeNull();
  });

  it('refuses commas in numbers, bad datetimes and read-only values', async () => {
    const company = await sdkError(
      h.client.crm.companies.basicApi.update('2000000001', { properties: { numberofemployees: '5,333' } }),
    );
    expect((company.body.errors as { code: string }[])[0]?.code).toBe('INVALID_INTEGER');
    await h.client.crm.companies.basicApi.update('2000000001', {
      properties: { annualrevenue: '1000000.50' },
    });
    const when = await sdkError(
      h.client.crm.contacts.basicApi.update('1001', { properties: { rolecall_classified_at: 'yesterday' } }),
    );
    expect((when.body.errors as { code: string }[])[0]?.code).toBe('INVALID_DATETIME');
    const ok = await h.client.crm.contacts.basicApi.update('1001', {
      properties: { rolecall_classified_at: '1700000000000' },
    });
    expect(ok.properties.rolecall_classified_at).toBe('2023-11-14T22:13:20.000Z');
    const readOnly = await sdkError(
      h.client.crm.contacts.basicApi.update('1001', { properties: { hs_object_id: '5' } }),
    );
    expect(readOnly.code).toBe(400);
  });
});

import { functionLabel, seniorityLabel } from '../card/labels.ts';
import { roleLabel } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import { BUYING_ROLES, FUNCTIONS, SENIORITIES } from '../taxonomy.ts';
import { ROLECALL_GROUP, ROLECALL_PROPERTIES, SOURCE_AUTO, SOURCE_MANUAL } from './properties.ts';
import type { PropertyDefinition, PropertyGroup, PropertyOption } from './records.ts';

export const ROLECALL_GROUP_SPEC: PropertyGroup = {
  name: ROLECALL_GROUP,
  label: 'rolecall',
  displayOrder: -1,
};

const options = (entries: ReadonlyArray<[value: string, label: string]>): PropertyOption[] =>
  entries.map(([value, label], index) => ({ value, label, displayOrder: index, hidden: false }));

const enumeration = (
  name: string,
  label: string,
  description: string,
  values: PropertyOption[],
): PropertyDefinition => ({
  name,
  label,
  description,
  type: 'enumeration',
  fieldType: 'select',
  groupName: ROLECALL_GROUP,
  options: values,
});

/** The contact properties rolecall owns, with option lists from the taxonomy and the playbook. */
export function rolecallPropertySpecs(playbook: Playbook): PropertyDefinition[] {
  const personas = [...playbook.personas, ...playbook.negativePersonas].map((persona): [string, string] => [
    persona.id,
    persona.name,
  ]);
  const P = ROLECALL_PROPERTIES;
  return [
    enumeration(
      P.persona,
      'Persona (rolecall)',
      'The playbook persona rolecall matched.',
      options([...personas, ['unknown', 'Unknown']]),
    ),
    enumeration(
      P.buyingRole,
      'Buying role (rolecall)',
      'The primary buying-group role rolecall inferred.',
      options(BUYING_ROLES.map((role) => [role, roleLabel(playbook, role)])),
    ),
    enumeration(
      P.seniority,
      'Seniority (rolecall)',
      'Seniority read from the job title.',
      options([...SENIORITIES, 'unknown'].map((id) => [id, seniorityLabel(id)])),
    ),
    enumeration(
      P.function,
      'Function (rolecall)',
      'Job function read from the job title.',
      options([...FUNCTIONS, 'unknown'].map((id) => [id, functionLabel(id)])),
    ),
    {
      name: P.confidence,
      label: 'Confidence (rolecall)',
      description: 'How sure rolecall is, from 0 to 1.',
      type: 'number',
      fieldType: 'number',
      groupName: ROLECALL_GROUP,
    },
    {
      name: P.reasons,
      label: 'Reasons (rolecall)',
      description: "Why rolecall chose these values, in the playbook's words (the card's one-line why).",
      type: 'string',
      fieldType: 'textarea',
      groupName: ROLECALL_GROUP,
    },
    enumeration(
      P.source,
      'Set by (rolecall)',
      'auto: rolecall set the values; manual: a person did, and rolecall never overwrites them.',
      options([
        [SOURCE_AUTO, 'rolecall'],
        [SOURCE_MANUAL, 'A person (never overwritten)'],
      ]),
    ),
    {
      name: P.classifiedAt,
      label: 'Classified at (rolecall)',
      description: 'When rolecall last changed these values.',
      type: 'datetime',
      fieldType: 'date',
      groupName: ROLECALL_GROUP,
    },
    {
      name: P.playbookVersion,
      label: 'Playbook version (rolecall)',
      description: 'The playbook version behind the values.',
      type: 'string',
      fieldType: 'text',
      groupName: ROLECALL_GROUP,
    },
  ];
}

import { Flex, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { Fields } from './Field.tsx';
import { Picker } from './Picker.tsx';
import { ROLE_FIELDS } from './personaSpecs.ts';
import { type FieldSpec, ROLE_OPTIONS, SIZE_OPTIONS } from './specs.ts';
import type { Draft } from './useDraft.ts';

const GROUP_FIELDS: FieldSpec[] = [
  { kind: 'choices', key: 'requiredRoles', label: 'Roles every buying group needs', options: ROLE_OPTIONS },
  {
    kind: 'items',
    key: 'requiredRolesBySize',
    label: 'Buying groups by company size',
    item: 'size-specific group',
    fields: [
      { kind: 'choices', key: 'sizeBands', label: 'Company sizes', options: SIZE_OPTIONS },
      { kind: 'choices', key: 'roles', label: 'Roles needed', options: ROLE_OPTIONS },
    ],
    blank: () => ({ sizeBands: [], roles: [] }),
  },
];

/**
 * Buying roles: what each means and the guidance any contact in it gets (procurement, legal, HR, a blocker
 * see it when no persona fits), and which roles a buying group needs.
 */
export function RolesSection({ draft }: { draft: Draft }) {
  const [index, setIndex] = useState(0);
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        Role guidance reaches every contact in the role whose persona has none for it, or who has no persona.
      </Text>
      <Picker
        draft={draft}
        path={['roles']}
        name="roles"
        noun="role"
        index={index}
        onPick={setIndex}
        labelOf={(item) => String(item.label || item.id)}
      />
      <Fields key={`role-${index}`} draft={draft} specs={ROLE_FIELDS} base={['roles', index]} />
      <Fields draft={draft} specs={GROUP_FIELDS} base={[]} />
    </Flex>
  );
}

import { Flex, Select } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { Field } from './Field.tsx';
import { ROLE_OPTIONS } from './specs.ts';
import type { Draft, Path } from './useDraft.ts';

/** Talking points per buying role: choose the role, edit its points (empty removes the role's entry). */
export function TalkingPoints({ draft, base }: { draft: Draft; base: Path }) {
  const [role, setRole] = useState('economic_buyer');
  const filled = Object.keys((draft.get([...base, 'talkingPoints']) as Record<string, unknown>) ?? {});
  return (
    <Flex direction="column" gap="xs">
      <Select
        testId="talking-points-role"
        name="talking-points-role"
        label="Talking points for the role"
        value={role}
        options={ROLE_OPTIONS.map((o) => ({
          ...o,
          label: filled.includes(o.value) ? `${o.label} ✓` : o.label,
        }))}
        onChange={(next) => setRole(String(next))}
      />
      <Field
        draft={draft}
        base={[...base, 'talkingPoints']}
        spec={{
          kind: 'lines',
          key: role,
          label: `Talking points when this persona is the ${role.replace(/_/g, ' ')}`,
          optional: true,
        }}
      />
    </Flex>
  );
}

import { Button, Flex, Select, Text } from '@hubspot/ui-extensions';
import type { Playbook } from '@rolecall/core';
import { useState } from 'react';

export interface OverrideFormProps {
  playbook: Playbook;
  initialPersona: string;
  initialRole: string;
  busy: boolean;
  /** True when choosing is the card's primary action (no persona to save). */
  primary?: boolean;
  onSubmit: (choice: { persona: string; buyingRole: string }) => void;
}

/** One-click correction: the rep's choice is saved as `manual` and never overwritten by automation. */
export function OverrideForm({
  playbook,
  initialPersona,
  initialRole,
  busy,
  primary = false,
  onSubmit,
}: OverrideFormProps) {
  const [persona, setPersona] = useState(initialPersona === 'unknown' ? '' : initialPersona);
  const [role, setRole] = useState(initialRole);
  const personaOptions = [
    ...playbook.personas.map((p) => ({ label: p.name, value: p.id })),
    ...playbook.negativePersonas.map((p) => ({ label: `${p.name} (not a buyer)`, value: p.id })),
  ];
  const roleOptions = playbook.roles.map((r) => ({ label: r.label, value: r.id }));
  const ready = persona !== '' && role !== '';
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        Your choice is saved as set by a person; rolecall's automation will never change it afterwards.
      </Text>
      <Flex direction="row" gap="sm" wrap="wrap">
        <Select
          testId="override-persona"
          name="persona"
          label="Persona"
          placeholder="Choose a persona"
          value={persona}
          options={personaOptions}
          onChange={(value) => setPersona(String(value))}
        />
        <Select
          testId="override-role"
          name="buyingRole"
          label="Buying role"
          value={role}
          options={roleOptions}
          onChange={(value) => setRole(String(value))}
        />
      </Flex>
      <Button
        testId="override-save"
        variant={primary ? 'primary' : 'secondary'}
        disabled={busy || !ready}
        onClick={() => onSubmit({ persona, buyingRole: role })}
      >
        Save my choice
      </Button>
    </Flex>
  );
}

import { Accordion, Flex, Text } from '@hubspot/ui-extensions';
import { useState } from 'react';
import { Fields, ObjectErrors } from './Field.tsx';
import { freshId, Picker } from './Picker.tsx';
import { blankRule } from './personaSpecs.ts';
import { ASSIGNABLE_ROLE_OPTIONS, type FieldSpec, MATCH_FIELDS } from './specs.ts';
import type { Draft } from './useDraft.ts';

const RULE_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'id', label: 'Id' },
  { kind: 'text', key: 'note', label: 'Why (the sentence reps see)', long: true },
  { kind: 'number', key: 'confidence', label: 'Confidence (0 to 1)', min: 0, max: 1 },
];
const ASSIGN_FIELDS: FieldSpec[] = [
  { kind: 'choice', key: 'role', label: 'Assigns the role', options: ASSIGNABLE_ROLE_OPTIONS },
  { kind: 'choices', key: 'extraRoles', label: 'And also', options: ASSIGNABLE_ROLE_OPTIONS, optional: true },
];
const FALLBACK_FIELDS: FieldSpec[] = [
  { kind: 'choice', key: 'role', label: 'Role when no rule matches', options: ASSIGNABLE_ROLE_OPTIONS },
  { kind: 'text', key: 'note', label: 'Why', long: true },
  { kind: 'number', key: 'confidence', label: 'Confidence (0 to 1)', min: 0, max: 1 },
];

/** Role rules in order (the first that matches wins), and the fallback role. */
export function RulesSection({ draft }: { draft: Draft }) {
  const [index, setIndex] = useState(0);
  const items = (draft.get(['roleRules']) as Record<string, unknown>[] | undefined) ?? [];
  const shown = Math.min(index, Math.max(0, items.length - 1));
  return (
    <Flex direction="column" gap="sm">
      <Text variant="microcopy">
        Rules are read from the top; the first that matches a contact gives the role. "playbook check" flags a
        rule hidden behind a broader one above it.
      </Text>
      <Picker
        draft={draft}
        path={['roleRules']}
        name="roleRules"
        noun="rule"
        index={shown}
        onPick={setIndex}
        labelOf={(item, i) => `${i + 1}. ${String(item.id)}`}
        blank={(all) => blankRule(freshId(all, 'new-rule').replace(/_/g, '-'))}
        movable
      />
      {items.length > 0 ? (
        <Flex direction="column" gap="sm" key={`rule-${shown}`}>
          <ObjectErrors draft={draft} path={['roleRules', shown]} />
          <Fields draft={draft} specs={RULE_FIELDS} base={['roleRules', shown]} />
          <Fields draft={draft} specs={ASSIGN_FIELDS} base={['roleRules', shown, 'assign']} />
          <Accordion title="Who it matches" size="sm" defaultOpen>
            <Fields draft={draft} specs={MATCH_FIELDS} base={['roleRules', shown, 'match']} />
          </Accordion>
        </Flex>
      ) : null}
      <Accordion title="When no rule matches" size="sm">
        <Fields draft={draft} specs={FALLBACK_FIELDS} base={['roleFallback']} />
      </Accordion>
    </Flex>
  );
}

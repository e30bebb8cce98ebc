import {
  Box,
  Button,
  Flex,
  Input,
  MultiSelect,
  NumberInput,
  Select,
  Text,
  TextArea,
  Tile,
  Toggle,
} from '@hubspot/ui-extensions';
import { useEffect, useState } from 'react';
import type { FieldSpec } from './specs.ts';
import { type Draft, type Path, pathKey } from './useDraft.ts';

/** `personas[1].goals`: the path as the checks name it, also each field's testId (`field-…`). */
export const pathId = pathKey;

/** What the checks say about an object as a whole (a rule hidden by another, a persona never chosen). */
export function ObjectErrors({ draft, path }: { draft: Draft; path: Path }) {
  const errors = draft.errorsHere(path);
  if (errors.length === 0) return null;
  return (
    <Text testId={`errors-${pathId(path)}`} format={{ fontWeight: 'bold' }}>
      {`✖ ${errors.join(' ')}`}
    </Text>
  );
}

const splitLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export interface FieldProps {
  draft: Draft;
  spec: FieldSpec;
  /** Where the field's object sits in the document (the field is `[...base, spec.key]`). */
  base: Path;
}

/** A list of sentences as a text area, one per line; the typed text is kept while the list is saved. */
function LinesField({ draft, spec, base }: FieldProps & { spec: Extract<FieldSpec, { kind: 'lines' }> }) {
  const path = [...base, spec.key];
  const value = draft.get(path);
  const list = Array.isArray(value) ? value.map(String) : [];
  const [text, setText] = useState(list.join('\n'));
  const same = JSON.stringify(splitLines(text)) === JSON.stringify(list);
  // A restore or another item's fields: show what the document now holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the document, not each keystroke
  useEffect(() => {
    if (!same) setText(list.join('\n'));
  }, [JSON.stringify(list), pathId(path)]);
  const errors = draft.errorsAt(path);
  return (
    <TextArea
      testId={`field-${pathId(path)}`}
      name={pathId(path)}
      label={spec.label}
      description={spec.help ?? 'One per line.'}
      value={text}
      rows={Math.min(8, Math.max(2, list.length + 1))}
      error={errors.length > 0}
      validationMessage={errors.join(' ')}
      onChange={(next) => {
        setText(String(next));
        const lines = splitLines(String(next));
        draft.set(path, lines.length === 0 && spec.optional ? undefined : lines);
      }}
    />
  );
}

/** A list of objects (pain points, objections, …): each item's fields, remove, and add. */
function ItemsField({ draft, spec, base }: FieldProps & { spec: Extract<FieldSpec, { kind: 'items' }> }) {
  const path = [...base, spec.key];
  const value = draft.get(path);
  const items = Array.isArray(value) ? value : [];
  const own = draft.errorsAt(path).length > 0 && items.length === 0 ? draft.errorsAt(path) : [];
  return (
    <Flex direction="column" gap="xs" testId={`items-${pathId(path)}`}>
      <Text format={{ fontWeight: 'demibold' }}>{`${spec.label} (${items.length})`}</Text>
      {own.length > 0 ? (
        <Text variant="microcopy" testId={`error-${pathId(path)}`}>
          {own.join(' ')}
        </Text>
      ) : null}
      {items.map((_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: items have no id; the index is their path
        <Tile compact key={index}>
          <Flex direction="column" gap="xs">
            {spec.fields.map((field) => (
              <Field key={field.key} draft={draft} spec={field} base={[...path, index]} />
            ))}
            <Box>
              <Button
                testId={`remove-${pathId([...path, index])}`}
                size="xs"
                variant="secondary"
                onClick={() =>
                  draft.set(
                    path,
                    items.filter((__, i) => i !== index),
                  )
                }
              >
                {`Remove this ${spec.item}`}
              </Button>
            </Box>
          </Flex>
        </Tile>
      ))}
      <Box>
        <Button
          testId={`add-${pathId(path)}`}
          size="xs"
          onClick={() => draft.set(path, [...items, spec.blank()])}
        >
          {`Add a ${spec.item}`}
        </Button>
      </Box>
    </Flex>
  );
}

/** One schema key as a form field, its errors from the checks shown on it. */
export function Field({ draft, spec, base }: FieldProps) {
  const path = [...base, spec.key];
  const id = pathId(path);
  const errors = draft.errorsAt(path);
  const shown = { error: errors.length > 0, validationMessage: errors.join(' ') };
  const value = draft.get(path);
  switch (spec.kind) {
    case 'lines':
      return <LinesField draft={draft} spec={spec} base={base} />;
    case 'items':
      return <ItemsField draft={draft} spec={spec} base={base} />;
    case 'text': {
      const props = {
        testId: `field-${id}`,
        name: id,
        label: spec.label,
        value: typeof value === 'string' ? value : '',
        ...shown,
        onChange: (next: string) => draft.set(path, next === '' && spec.optional ? undefined : next),
      };
      return spec.long ? <TextArea {...props} rows={2} /> : <Input {...props} />;
    }
    case 'number':
      return (
        <NumberInput
          testId={`field-${id}`}
          name={id}
          label={spec.label}
          value={typeof value === 'number' ? value : undefined}
          {...(spec.min !== undefined ? { min: spec.min } : {})}
          {...(spec.max !== undefined ? { max: spec.max } : {})}
          {...shown}
          onChange={(next) => draft.set(path, Number.isFinite(next) ? next : undefined)}
        />
      );
    case 'toggle':
      return (
        <Toggle
          testId={`field-${id}`}
          name={id}
          label={spec.label}
          checked={value === true}
          onChange={(checked) => draft.set(path, checked ? true : undefined)}
        />
      );
    case 'choice':
      return (
        <Select
          testId={`field-${id}`}
          name={id}
          label={spec.label}
          value={typeof value === 'string' ? value : ''}
          options={spec.options}
          {...shown}
          onChange={(next) => draft.set(path, String(next))}
        />
      );
    case 'choices':
      return (
        <MultiSelect
          testId={`field-${id}`}
          name={id}
          label={spec.label}
          value={Array.isArray(value) ? value : []}
          options={spec.options}
          {...shown}
          onChange={(next) =>
            draft.set(path, next.length === 0 && spec.optional ? undefined : next.map(String))
          }
        />
      );
    case 'tristate':
      return (
        <Select
          testId={`field-${id}`}
          name={id}
          label={spec.label}
          value={value === true ? 'yes' : value === false ? 'no' : 'any'}
          options={[
            { label: spec.any, value: 'any' },
            { label: spec.yes, value: 'yes' },
            { label: spec.no, value: 'no' },
          ]}
          {...shown}
          onChange={(next) => draft.set(path, next === 'yes' ? true : next === 'no' ? false : undefined)}
        />
      );
  }
}

/** Several fields of one object. */
export function Fields({ draft, specs, base }: { draft: Draft; specs: FieldSpec[]; base: Path }) {
  return (
    <Flex direction="column" gap="sm">
      {specs.map((spec) => (
        <Field key={spec.key} draft={draft} spec={spec} base={base} />
      ))}
    </Flex>
  );
}

import { Button, Flex, Select } from '@hubspot/ui-extensions';
import type { Draft, Path } from './useDraft.ts';

export interface PickerProps {
  draft: Draft;
  /** The list in the document (`personas`, `roleRules`, …). */
  path: Path;
  /** testId prefix and the noun on the buttons. */
  name: string;
  noun: string;
  index: number;
  onPick: (index: number) => void;
  labelOf: (item: Record<string, unknown>, index: number) => string;
  /** Absent: the list cannot grow or shrink here (roles are fixed by the taxonomy). */
  blank?: (items: Record<string, unknown>[]) => Record<string, unknown>;
  /** Order matters (rules: the first match wins). */
  movable?: boolean;
}

/** Chooses one item of a list to edit; adds, removes and (for ordered lists) moves items. */
export function Picker({ draft, path, name, noun, index, onPick, labelOf, blank, movable }: PickerProps) {
  const value = draft.get(path);
  const items = (Array.isArray(value) ? value : []) as Record<string, unknown>[];
  const move = (by: number) => {
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    [next[index], next[to]] = [next[to] as Record<string, unknown>, next[index] as Record<string, unknown>];
    draft.set(path, next);
    onPick(to);
  };
  return (
    <Flex direction="row" gap="sm" align="end" wrap="wrap">
      <Select
        testId={`pick-${name}`}
        name={`pick-${name}`}
        label={`${noun.replace(/^./, (c) => c.toUpperCase())} to edit`}
        value={String(index)}
        options={items.map((item, i) => ({ label: labelOf(item, i), value: String(i) }))}
        onChange={(next) => onPick(Number(next))}
      />
      {blank ? (
        <Button
          testId={`add-${name}`}
          size="sm"
          onClick={() => {
            draft.set(path, [...items, blank(items)]);
            onPick(items.length);
          }}
        >
          {`Add a ${noun}`}
        </Button>
      ) : null}
      {blank && items.length > 0 ? (
        <Button
          testId={`remove-${name}`}
          size="sm"
          variant="destructive"
          onClick={() => {
            draft.set(
              path,
              items.filter((_, i) => i !== index),
            );
            onPick(Math.max(0, index - 1));
          }}
        >
          {`Remove this ${noun}`}
        </Button>
      ) : null}
      {movable ? (
        <>
          <Button testId={`up-${name}`} size="sm" variant="secondary" onClick={() => move(-1)}>
            Move up
          </Button>
          <Button testId={`down-${name}`} size="sm" variant="secondary" onClick={() => move(1)}>
            Move down
          </Button>
        </>
      ) : null}
    </Flex>
  );
}

/** An id not yet used in the list: `new_persona`, `new_persona_2`, … */
export function freshId(items: readonly Record<string, unknown>[], stem: string): string {
  const used = new Set(items.map((item) => item.id));
  for (let n = 1; ; n += 1) {
    const id = n === 1 ? stem : `${stem}_${n}`;
    if (!used.has(id)) return id;
  }
}

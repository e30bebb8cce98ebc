import { ApiError, conflict, resourceNotFound, validationError } from '../errors.ts';
import { OBJECT_TYPE_IDS, type ObjectType } from '../property-types.ts';

/** One association type in one direction, as v4 lists it: `{category, typeId, label}`. */
export interface AssociationType {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
  typeId: number;
  label: string | null;
}

interface LabelDef extends AssociationType {
  from: ObjectType;
  to: ObjectType;
  name: string;
  inverseTypeId: number;
}

/** HubSpot-defined type ids (`@hubspot/api-client` AssociationTypes): [from, to, typeId, inverse, label]. */
const DEFINED: [ObjectType, ObjectType, number, number, string | null][] = [
  ['contacts', 'companies', 1, 2, 'Primary'],
  ['contacts', 'companies', 279, 280, null],
  ['deals', 'contacts', 3, 4, null],
  ['deals', 'companies', 5, 6, 'Primary'],
  ['deals', 'companies', 341, 342, null],
  ['companies', 'companies', 13, 14, 'Child Company'],
  ['contacts', 'calls', 193, 194, null],
  ['contacts', 'emails', 197, 198, null],
  ['contacts', 'meetings', 199, 200, null],
  ['deals', 'calls', 205, 206, null],
  ['deals', 'emails', 209, 210, null],
  ['deals', 'meetings', 211, 212, null],
  ['companies', 'companies', 450, 451, null],
];

/** Labels of the inverse direction of the DEFINED rows. */
const INVERSE_LABEL: Record<number, string> = { 2: 'Primary', 6: 'Primary', 14: 'Parent Company' };

/** Per pair: the unlabeled ("default") type every association carries. */
export function defaultTypeId(from: ObjectType, to: ObjectType): number | undefined {
  for (const [f, t, id, inv, label] of DEFINED) {
    if (label !== null) continue;
    if (f === from && t === to) return id;
    if (f === to && t === from) return inv;
  }
  return undefined;
}

/** Custom labels per portal ("Custom labels need Professional or Enterprise"): how many each object pair may have. */
export const LABEL_LIMITS = { free: 0, starter: 0, pro: 10, enterprise: 50, increase: 50 } as const;

const FIRST_USER_TYPE_ID = 101;

/** The association schema of one portal: HubSpot's types plus labels created through the v4 labels API. */
export class LabelRegistry {
  private readonly user = new Map<number, LabelDef>();
  private nextId = FIRST_USER_TYPE_ID;

  /** Custom labels allowed per object pair (set by tier). */
  constructor(public limit: number) {}

  inverseOf = (typeId: number): number | undefined => {
    for (const [, , id, inv] of DEFINED) {
      if (id === typeId) return inv;
      if (inv === typeId) return id;
    }
    return this.user.get(typeId)?.inverseTypeId;
  };

  category = (typeId: number): 'USER_DEFINED' | 'HUBSPOT_DEFINED' =>
    this.user.has(typeId) ? 'USER_DEFINED' : 'HUBSPOT_DEFINED';

  /** Every type from → to: HubSpot's first, then custom labels in creation order. */
  list(from: ObjectType, to: ObjectType): AssociationType[] {
    const out: AssociationType[] = [];
    for (const [f, t, id, inv, label] of DEFINED) {
      if (f === from && t === to) out.push({ category: 'HUBSPOT_DEFINED', typeId: id, label });
      if (f === to && t === from)
        out.push({ category: 'HUBSPOT_DEFINED', typeId: inv, label: INVERSE_LABEL[inv] ?? null });
    }
    for (const def of this.user.values()) {
      if (def.from === from && def.to === to) out.push(publicType(def));
    }
    return out;
  }

  /** The type with this id, if it belongs to from → to. */
  find(from: ObjectType, to: ObjectType, typeId: number): AssociationType | undefined {
    return this.list(from, to).find((t) => t.typeId === typeId);
  }

  /** Custom labels of a pair, counted once per label whichever side created it. */
  usage(from: ObjectType, to: ObjectType): string[] {
    return [...this.user.values()]
      .filter((d) => d.from === from && d.to === to && d.typeId < d.inverseTypeId)
      .concat(
        [...this.user.values()].filter((d) => d.from === to && d.to === from && d.typeId < d.inverseTypeId),
      )
      .map((d) => d.label ?? d.name);
  }

  create(from: ObjectType, to: ObjectType, input: Record<string, unknown>): AssociationType[] | ApiError {
    const label = typeof input.label === 'string' ? input.label.trim() : '';
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!label || !name)
      return validationError('Both "label" and "name" are required to create an association label.');
    const inverseLabel =
      typeof input.inverseLabel === 'string' && input.inverseLabel.trim() ? input.inverseLabel.trim() : label;
    const used = this.usage(from, to);
    if (used.length >= this.limit) {
      return validationError(
        `Association label limit reached: ${from} to ${to} can have at most ${this.limit} custom labels (${used.length} in use).`,
      );
    }
    for (const def of this.user.values()) {
      const samePair = (def.from === from && def.to === to) || (def.from === to && def.to === from);
      if (samePair && (def.name === name || def.label === label)) {
        return conflict(
          `An association label with the name '${def.name}' or label '${def.label}' already exists.`,
        );
      }
    }
    const id = this.nextId;
    this.nextId += 2;
    const forward: LabelDef = {
      category: 'USER_DEFINED',
      typeId: id,
      label,
      from,
      to,
      name,
      inverseTypeId: id + 1,
    };
    const backward: LabelDef = {
      category: 'USER_DEFINED',
      typeId: id + 1,
      label: inverseLabel,
      from: to,
      to: from,
      name,
      inverseTypeId: id,
    };
    this.user.set(id, forward);
    this.user.set(id + 1, backward);
    return [publicType(forward), publicType(backward)];
  }

  update(from: ObjectType, to: ObjectType, input: Record<string, unknown>): true | ApiError {
    const def = this.user.get(Number(input.associationTypeId));
    if (!def || def.from !== from || def.to !== to) {
      return resourceNotFound(
        `No association label ${String(input.associationTypeId)} for ${from} to ${to}.`,
      );
    }
    if (typeof input.label === 'string' && input.label.trim()) def.label = input.label.trim();
    const inverse = this.user.get(def.inverseTypeId);
    if (inverse && typeof input.inverseLabel === 'string' && input.inverseLabel.trim())
      inverse.label = input.inverseLabel.trim();
    return true;
  }

  archive(from: ObjectType, to: ObjectType, typeId: number): true | ApiError {
    const def = this.user.get(typeId);
    if (!def || def.from !== from || def.to !== to) {
      return resourceNotFound(`No association label ${typeId} for ${from} to ${to}.`);
    }
    this.user.delete(def.typeId);
    this.user.delete(def.inverseTypeId);
    return true;
  }

  /** For saving and loading datasets. */
  dump(): LabelDef[] {
    return [...this.user.values()];
  }

  load(defs: LabelDef[]): void {
    for (const d of defs) {
      this.user.set(d.typeId, d);
      this.nextId = Math.max(this.nextId, d.typeId + 2);
    }
  }
}

function publicType(def: LabelDef): AssociationType {
  return { category: def.category, typeId: def.typeId, label: def.label };
}

/** `{objectTypeId, singularLabel, pluralLabel}` as the limits API names an object type. */
export function typeRef(type: ObjectType): {
  objectTypeId: string;
  singularLabel: string;
  pluralLabel: string;
} {
  const plural = type.charAt(0).toUpperCase() + type.slice(1);
  const singular = type === 'companies' ? 'Company' : plural.slice(0, -1);
  return { objectTypeId: OBJECT_TYPE_IDS[type], singularLabel: singular, pluralLabel: plural };
}

export { ApiError };

import type { ObjectType } from '../property-types.ts';

/**
 * Associations between records other than contact↔company (those live on the contact record): deals,
 * engagements, company hierarchy. Each edge is kept in both directions with its type ids per direction.
 */
export class AssociationGraph {
  /** `${from}>${to}` → from id → to id → association type ids (from → to direction). */
  private readonly edges = new Map<string, Map<number, Map<number, number[]>>>();

  constructor(private readonly inverseOf: (typeId: number) => number | undefined) {}

  private side(from: ObjectType, to: ObjectType): Map<number, Map<number, number[]>> {
    const key = `${from}>${to}`;
    let map = this.edges.get(key);
    if (!map) {
      map = new Map();
      this.edges.set(key, map);
    }
    return map;
  }

  private addOne(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeIds: number[]): boolean {
    const side = this.side(from, to);
    let targets = side.get(fromId);
    if (!targets) {
      targets = new Map();
      side.set(fromId, targets);
    }
    const current = targets.get(toId) ?? [];
    let changed = !targets.has(toId);
    for (const t of typeIds) {
      if (!current.includes(t)) {
        current.push(t);
        changed = true;
      }
    }
    targets.set(toId, current);
    return changed;
  }

  /** Adds association types (given in the from → to direction); the mirror gets the inverse types. */
  link(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeIds: number[]): boolean {
    const inverse = typeIds.map((t) => this.inverseOf(t)).filter((t): t is number => t !== undefined);
    const a = this.addOne(from, fromId, to, toId, typeIds);
    const b = this.addOne(to, toId, from, fromId, inverse);
    return a || b;
  }

  private removeOne(
    from: ObjectType,
    fromId: number,
    to: ObjectType,
    toId: number,
    typeIds?: number[],
  ): void {
    const targets = this.edges.get(`${from}>${to}`)?.get(fromId);
    const current = targets?.get(toId);
    if (!targets || !current) return;
    const left = typeIds ? current.filter((t) => !typeIds.includes(t)) : [];
    if (left.length === 0) targets.delete(toId);
    else targets.set(toId, left);
  }

  /** Removes some types of an edge (labels), or the whole edge when `typeIds` is left out. */
  unlink(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeIds?: number[]): boolean {
    const before = this.types(from, fromId, to, toId);
    if (!before) return false;
    const inverse = typeIds?.map((t) => this.inverseOf(t)).filter((t): t is number => t !== undefined);
    this.removeOne(from, fromId, to, toId, typeIds);
    this.removeOne(to, toId, from, fromId, inverse);
    return (this.types(from, fromId, to, toId)?.length ?? 0) !== before.length;
  }

  types(from: ObjectType, fromId: number, to: ObjectType, toId: number): number[] | undefined {
    return this.edges.get(`${from}>${to}`)?.get(fromId)?.get(toId);
  }

  /** Associated ids with their type ids, in the order they were first linked. */
  list(from: ObjectType, fromId: number, to: ObjectType): [number, number[]][] {
    const targets = this.edges.get(`${from}>${to}`)?.get(fromId);
    return targets ? [...targets.entries()] : [];
  }

  /** Ids of `to` records linked to this record. */
  ids(from: ObjectType, fromId: number, to: ObjectType): number[] {
    const targets = this.edges.get(`${from}>${to}`)?.get(fromId);
    return targets ? [...targets.keys()] : [];
  }

  /** Forgets every edge of a record (archive). */
  drop(type: ObjectType, id: number): void {
    for (const [key, side] of this.edges) {
      const [from, to] = key.split('>') as [ObjectType, ObjectType];
      if (from !== type) continue;
      for (const otherId of side.get(id)?.keys() ?? [])
        this.edges.get(`${to}>${from}`)?.get(otherId)?.delete(id);
      side.delete(id);
    }
  }

  /** Restores one direction of an edge as saved (no mirroring). */
  restore(from: ObjectType, fromId: number, to: ObjectType, toId: number, typeIds: number[]): void {
    this.addOne(from, fromId, to, toId, typeIds);
  }

  /** Every edge in one direction per pair (for saving): [from, to, fromId, toId, typeIds]. */
  *entries(): Generator<[ObjectType, ObjectType, number, number, number[]]> {
    for (const [key, side] of this.edges) {
      const [from, to] = key.split('>') as [ObjectType, ObjectType];
      for (const [fromId, targets] of side)
        for (const [toId, typeIds] of targets) yield [from, to, fromId, toId, typeIds];
    }
  }
}

import type { ObjectType } from './property-types.ts';
import type { CrmRecord } from './record.ts';

interface Pending {
  visibleAt: number;
  /** Values search still sees; undefined = the record is not in the index yet. */
  before: Record<string, string> | undefined;
}

/** Makes search eventually consistent: a write shows up in search only `lagMs` later, as at HubSpot. */
export class SearchLag {
  private pending = new Map<string, Pending>();

  constructor(
    public lagMs: number,
    private readonly now: () => number,
  ) {}

  onWrite(type: ObjectType, id: number, before: Record<string, string> | undefined): void {
    if (this.lagMs <= 0) return;
    const key = `${type}:${id}`;
    const existing = this.pending.get(key);
    // Keep the oldest indexed view while writes keep coming.
    this.pending.set(key, {
      visibleAt: this.now() + this.lagMs,
      before: existing ? existing.before : before,
    });
  }

  /** The values search sees for a record, or undefined while a new record is not yet indexed. */
  view(type: ObjectType, record: CrmRecord, now: number): Record<string, string> | undefined {
    if (this.pending.size === 0) return record.props;
    const key = `${type}:${record.id}`;
    const entry = this.pending.get(key);
    if (!entry) return record.props;
    if (now >= entry.visibleAt) {
      this.pending.delete(key);
      return record.props;
    }
    return entry.before;
  }
}

/** The hs_object_id span a search can match, so id-range searches (HubSpot's advice for >10k walks) skip the rest. */
export interface IdRange {
  lo: number;
  hi: number;
}

const ALL: IdRange = { lo: Number.NEGATIVE_INFINITY, hi: Number.POSITIVE_INFINITY };

function groupRange(filters: Record<string, unknown>[]): IdRange {
  let { lo, hi } = ALL;
  for (const f of filters) {
    if (f?.propertyName !== 'hs_object_id') continue;
    const v = Number(f.value);
    switch (f.operator) {
      case 'EQ':
        lo = Math.max(lo, v);
        hi = Math.min(hi, v);
        break;
      case 'GT':
        lo = Math.max(lo, v + 1);
        break;
      case 'GTE':
        lo = Math.max(lo, v);
        break;
      case 'LT':
        hi = Math.min(hi, v - 1);
        break;
      case 'LTE':
        hi = Math.min(hi, v);
        break;
      case 'BETWEEN':
        lo = Math.max(lo, v);
        hi = Math.min(hi, Number(f.highValue));
        break;
      case 'IN':
        if (Array.isArray(f.values) && f.values.length > 0) {
          const ids = f.values.map(Number);
          lo = Math.max(lo, Math.min(...ids));
          hi = Math.min(hi, Math.max(...ids));
        }
        break;
    }
  }
  // NaN bounds (bad values) mean "no narrowing"; the predicate still decides.
  return { lo: Number.isNaN(lo) ? ALL.lo : lo, hi: Number.isNaN(hi) ? ALL.hi : hi };
}

/** Union of the groups' spans (groups are ORed); everything when a group has no id filter. */
export function idRange(filterGroups: unknown): IdRange {
  if (!Array.isArray(filterGroups) || filterGroups.length === 0) return ALL;
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const group of filterGroups as { filters?: unknown }[]) {
    const range = groupRange(
      Array.isArray(group?.filters) ? (group.filters as Record<string, unknown>[]) : [],
    );
    lo = Math.min(lo, range.lo);
    hi = Math.max(hi, range.hi);
  }
  return { lo, hi };
}

import { issue, type PlaybookIssue } from './issues.ts';

/**
 * Old field names still read, each with a warning naming the new one. `lastReviewed` became `reviewedAt`:
 * a file or saved version using it loads as if renamed, and `playbook check` says to rename it.
 */
const PERSONA_ALIASES: readonly [old: string, current: string][] = [['lastReviewed', 'reviewedAt']];
const PERSONA_LISTS = ['personas', 'negativePersonas'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A copy of `data` with deprecated names renamed, and one warning per renamed field. Never throws. */
export function renameDeprecated(
  data: unknown,
  source: string,
): { data: unknown; warnings: PlaybookIssue[] } {
  if (!isObject(data)) return { data, warnings: [] };
  const warnings: PlaybookIssue[] = [];
  const copy: Record<string, unknown> = { ...data };
  for (const key of PERSONA_LISTS) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    copy[key] = list.map((item, index) => {
      if (!isObject(item)) return item;
      let next = item;
      for (const [old, current] of PERSONA_ALIASES) {
        if (!(old in next)) continue;
        const { [old]: value, ...rest } = next;
        const both = current in next;
        next = both ? rest : { ...rest, [current]: value };
        warnings.push(
          issue(
            source,
            [key, index, old],
            both
              ? `"${old}" is the old name of "${current}", which is also set; delete "${old}"`
              : `"${old}" is the old name of "${current}"; rename it (read as "${current}" for now)`,
          ),
        );
      }
      return next;
    });
  }
  return { data: warnings.length > 0 ? copy : data, warnings };
}

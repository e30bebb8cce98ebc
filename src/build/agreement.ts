/**
 * How far the labels of one occupation in several languages read alike: the share of readings that give the most
 * frequent known function (an `unknown` never agrees), and whether all of them give it. The ESCO held-out test and
 * the agreement dev script (src/bench/esco-agreement.ts) both count cross-lingual agreement so.
 */
export function agreementOf(functions: readonly string[]): { share: number; unanimous: boolean } {
  const counts = new Map<string, number>();
  for (const fn of functions) if (fn !== 'unknown') counts.set(fn, (counts.get(fn) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  return {
    share: most / Math.max(1, functions.length),
    unanimous: functions.length > 0 && most === functions.length,
  };
}

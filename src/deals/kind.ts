import type { DealKind, DealPlaybook } from './schema.ts';

/** The facts of a deal that decide who must be in its buying group. */
export interface DealFacts {
  id: string;
  name: string;
  /** In the portal's currency; null when the deal has none. */
  amount: number | null;
  pipelineId: string;
  pipelineLabel?: string;
  stageId: string;
  stageLabel?: string;
  /** HubSpot `dealtype` (newbusiness, existingbusiness, or a portal's own value). */
  dealType: string | null;
  closed: boolean;
  won: boolean;
  closeDate?: string | null;
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase();

function signals(facts: DealFacts, kind: DealPlaybook['renewal']): boolean {
  if (facts.dealType && kind.dealTypes.some((t) => norm(t) === norm(facts.dealType))) return true;
  const pipeline = `${norm(facts.pipelineId)} ${norm(facts.pipelineLabel)}`;
  if (kind.pipelines.some((p) => norm(facts.pipelineId) === norm(p) || pipeline.includes(norm(p))))
    return true;
  const name = norm(facts.name);
  return kind.nameKeywords.some((word) => name.includes(norm(word)));
}

/** New business unless the deal type, pipeline or name says renewal (first) or expansion. */
export function dealKind(facts: DealFacts, settings: DealPlaybook): { kind: DealKind; why: string } {
  if (signals(facts, settings.renewal)) return { kind: 'renewal', why: whyOf(facts, 'renewal') };
  if (signals(facts, settings.expansion)) return { kind: 'expansion', why: whyOf(facts, 'expansion') };
  return {
    kind: 'new',
    why: facts.dealType ? `deal type ${facts.dealType}` : 'no renewal or expansion signal',
  };
}

function whyOf(facts: DealFacts, kind: string): string {
  const parts = [
    facts.dealType ? `type ${facts.dealType}` : '',
    facts.pipelineLabel ?? facts.pipelineId,
    facts.name,
  ];
  return `${kind}: ${parts.filter(Boolean).join(' · ')}`;
}

/** The amount's band (e.g. small < 10,000 ≤ mid < 100,000 ≤ large); no amount → the middle band. */
export function dealSizeBand(amount: number | null, settings: DealPlaybook): string {
  const bands = settings.sizeBands;
  if (amount === null || !Number.isFinite(amount))
    return bands[Math.floor((bands.length - 1) / 2)]?.id ?? 'unknown';
  for (const band of bands) if (band.below === undefined || amount < band.below) return band.id;
  return bands.at(-1)?.id ?? 'unknown';
}

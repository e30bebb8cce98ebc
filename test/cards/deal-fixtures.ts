import { dealCardModel } from '../../src/card/deal-model.ts';
import type { Candidate } from '../../src/deals/candidates.ts';
import { type DealContact, evaluateDeal } from '../../src/deals/evaluate.ts';
import { dealRoleLabels } from '../../src/deals/labels.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { BuyingRole } from '../../src/taxonomy.ts';

/** Deal card models built by the real evaluation and model code; each test changes only what it is about. */
export const NOW = Date.parse('2026-12-01T12:00:00Z');
const DAY = 86_400_000;

export const person = (
  id: string,
  name: string,
  title: string,
  buyingRole: BuyingRole,
  extra: Partial<DealContact> = {},
): DealContact => ({
  id,
  name,
  title,
  classification: { buyingRole, persona: 'unknown', roleConfidence: 0.8 },
  lastActivity: NOW - 3 * DAY,
  labels: [],
  ...extra,
});

export const CARLA = person('11', 'Carla Diaz', 'Chief Financial Officer', 'economic_buyer');
export const SAM = person('12', 'Sam Lee', 'Sales Manager', 'champion', {
  labels: [{ typeId: 901, label: 'Decision Maker', byRolecall: false }],
});
export const IAN: Candidate = {
  id: '21',
  name: 'Ian Ray',
  title: 'IT Manager',
  score: 3.5,
  why: '"IT Manager" reads as technical evaluator; at the deal company',
};

/** One evaluated open deal (new business, 50,000 unless told) with these contacts. */
export function evaluation(
  contacts: DealContact[] = [CARLA, SAM],
  deal: { id?: string; name?: string; amount?: number | null } = {},
) {
  return evaluateDeal({
    deal: {
      id: deal.id ?? '123',
      name: deal.name ?? 'Globex platform',
      amount: deal.amount === undefined ? 50_000 : deal.amount,
      pipelineId: 'default',
      pipelineLabel: 'Sales Pipeline',
      stageId: 'qualifiedtobuy',
      stageLabel: 'Qualified To Buy',
      dealType: 'newbusiness',
      closed: false,
      won: false,
    },
    contacts,
    playbook: defaultPlaybook,
    roleLabels: dealRoleLabels(defaultPlaybook),
    now: NOW,
  });
}

export function dealModel(
  options: {
    contacts?: DealContact[];
    amount?: number | null;
    candidates?: Record<string, Candidate[]>;
    labelled?: boolean;
  } = {},
) {
  const evaluated = evaluation(options.contacts ?? [CARLA, SAM], { amount: options.amount });
  return dealCardModel({
    evaluation: evaluated,
    candidates: options.candidates ?? { technical_evaluator: [IAN], champion: [] },
    playbook: defaultPlaybook,
    labelledRoles: options.labelled === false ? [] : dealRoleLabels(defaultPlaybook).map((l) => l.role),
    ownershipKnown: false,
    now: NOW,
  });
}

export { type Candidate, candidatesFor, type PoolContact, talkingPointsForRole } from './candidates.ts';
export {
  type AssociationLabelRef,
  type ContactOnDeal,
  type DealContact,
  type DealEvaluation,
  evaluateDeal,
  type RoleReading,
  requiredRolesFor,
  rolesOnDeal,
} from './evaluate.ts';
export { type DealFacts, dealKind, dealSizeBand } from './kind.ts';
export { type LabelPlan, planDealLabels } from './label-plan.ts';
export { dealRoleLabels, HUBSPOT_ROLE_LABELS, type RoleLabel, roleOfLabel } from './labels.ts';
export { DEAL_KINDS, type DealKind, type DealPlaybook, DealPlaybookSchema, dealSettings } from './schema.ts';

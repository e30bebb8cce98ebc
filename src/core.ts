/**
 * The browser-safe surface of rolecall used by the HubSpot cards and app functions: no `node:` imports,
 * no file system. Everything here is pure.
 */

export {
  activityText,
  amountText,
  companyDealLines,
  contactDealLines,
  DEAL_SOURCE_WORDS,
  type DealCardCandidate,
  type DealCardModel,
  type DealCardPerson,
  type DealCardRole,
  type DealRoleSource,
  dealCardModel,
  type OpenDealLine,
} from './card/deal-model.ts';
export {
  type CardGuidance,
  type CardObjection,
  daysSince,
  nextMoveLine,
  objectionLine,
  personaGuidance,
  roleGuidance,
} from './card/guidance.ts';
export {
  type ConfidenceWord,
  confidenceVariant,
  confidenceWord,
  functionLabel,
  humanize,
  industryLabel,
  joinAnd,
  personaName,
  seniorityLabel,
} from './card/labels.ts';
export {
  type CardNotice,
  type CardOptions,
  isDetailNotice,
  type NoticeId,
  type PersonaCardModel,
  type PrimaryAction,
  personaCardModel,
  STATUS_LABELS,
  shownConfidence,
  type ValueStatus,
} from './card/model.ts';
export {
  COMPANY_CARD_PROPERTIES,
  CONTACT_CARD_PROPERTIES,
  companyFacts,
  contactFacts,
  type Props as RecordProps,
  primaryCompany,
} from './card/record-facts.ts';
export { type CardContent, cardActions, cardContent, renderCardText } from './card/text.ts';
export { classify } from './classify/classify.ts';
export { readTitle } from './classify/read-title.ts';
export { sizeBand } from './classify/size-band.ts';
export { defaultPlaybook } from './playbook/default.ts';
export {
  exampleNotice,
  type Guidance,
  guidanceFor,
  isTemplate,
  type PersonaDetail,
  personaDetail,
} from './playbook/guidance.ts';
export {
  type BuyingGroupCoverage,
  buyingGroupCoverage,
  findPersona,
  type GroupMember,
  isNegativePersona,
  ROLE_LABELS,
  requiredRolesFor,
  roleLabel,
  talkingPointsFor,
} from './playbook/helpers.ts';
export type { PlaybookIssue } from './playbook/issues.ts';
export { likelyPersonasFor } from './playbook/likely-personas.ts';
export {
  type LoadOptions,
  loadPlaybookData,
  loadPlaybookText,
  type PlaybookLoadResult,
} from './playbook/load.ts';
export { isCustomerStage } from './playbook/read-with-playbook.ts';
export {
  ageWords,
  type ReviewStatus,
  reviewStatus,
  type StalePersona,
  stalePersonas,
} from './playbook/review.ts';
export type {
  AnyPersona,
  Match,
  NegativePersona,
  Persona,
  PersonaMatch,
  Playbook,
  RoleDefinition,
  RoleRule,
} from './playbook/schema.ts';
export {
  applyEdit,
  checkDocument,
  diffPlaybooks,
  type EditResult,
  errorsUnder,
  type PlaybookChange,
  setAt,
} from './playbook/versions.ts';
export type {
  BuyingRole,
  Classification,
  CompanyFacts,
  ContactFacts,
  HubSpotBuyingRole,
  JobFunction,
  KnownFunction,
  KnownSeniority,
  KnownSizeBand,
  Seniority,
  SizeBand,
  TitleResult,
} from './taxonomy.ts';
export { BUYING_ROLES, FUNCTIONS, HUBSPOT_BUYING_ROLES, SENIORITIES, SIZE_BANDS } from './taxonomy.ts';

import { z } from 'zod';
import { DealPlaybookSchema } from '../deals/schema.ts';
import { BUYING_ROLES, FUNCTIONS, HUBSPOT_BUYING_ROLES, SENIORITIES, SIZE_BANDS } from '../taxonomy.ts';

/** The one schema of a playbook file; unknown keys are errors everywhere (strict objects). */

/** Product-context selectors: they expand to the function lists in `product`. */
export const PRODUCT_GROUPS = ['user', 'budget', 'technical', 'gate'] as const;

const Id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lowercase letters, digits, "-" or "_" (e.g. "finance_leader")');
const Text = z.string().trim().min(1, 'must not be empty');
const Sentence = z.string().trim().min(10, 'write a full sentence (10+ characters)');
const IsoDate = z.iso.date('use a YYYY-MM-DD date');
const Confidence = z.number().min(0).max(1);

const SeniorityId = z.enum([...SENIORITIES, 'unknown']);
const KnownSeniorityId = z.enum(SENIORITIES);
const FunctionId = z.enum([...FUNCTIONS, 'unknown']);
const SizeBandId = z.enum([...SIZE_BANDS, 'unknown']);
const KnownSizeBandId = z.enum(SIZE_BANDS);
const RoleId = z.enum(BUYING_ROLES);
/** Rules may assign any role except `blocker`, which only a person sets. */
const AssignableRole = RoleId.refine((role) => role !== 'blocker', {
  message: '"blocker" is set by people only; a rule must never assign it',
});
const ProductGroup = z.enum(PRODUCT_GROUPS);
/** HubSpot's industry value or its label ("COMPUTER_SOFTWARE", "Computer Software"): compared as ids. */
const Industry = z.string().trim().min(2, 'name an industry');
const Keyword = z.string().trim().min(2, 'keywords need 2+ characters');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list at least one value');

/** Conditions that must all hold; inside one list any value may match. Absent means "any". */
const matchShape = {
  seniority: list(SeniorityId).optional(),
  seniorityMin: KnownSeniorityId.optional(),
  seniorityMax: KnownSeniorityId.optional(),
  functions: list(FunctionId).optional(),
  productFunctions: list(ProductGroup).optional(),
  sizeBands: list(SizeBandId).optional(),
  sizeMin: KnownSizeBandId.optional(),
  sizeMax: KnownSizeBandId.optional(),
  industries: list(Industry).optional(),
  industriesOut: list(Industry).optional(),
  titleKeywords: list(Keyword).optional(),
  titleKeywordsOut: list(Keyword).optional(),
  icpFit: z.boolean().optional(),
  /** true: only contacts whose lifecycle stage is one of `customerStages`; false: only everyone else. */
  customer: z.boolean().optional(),
};
export const MatchSchema = z.strictObject(matchShape);
export const PersonaMatchSchema = z.strictObject({ ...matchShape, priority: z.number().int().default(0) });

const Product = z.strictObject({
  name: Text,
  whatWeSell: Sentence,
  userFunctions: list(FunctionId),
  budgetFunctions: list(FunctionId),
  technicalFunctions: list(FunctionId),
  gateFunctions: list(FunctionId),
  revenuePerEmployee: z.number().positive().optional(),
  icp: z.strictObject({
    sizeBands: list(KnownSizeBandId),
    industriesIn: z.array(Industry).default([]),
    industriesOut: z.array(Industry).default([]),
  }),
});

/** A buyer's words; `template: true` marks an example that is never shown to a rep as a real quote. */
const PainPoint = z.strictObject({
  quote: Sentence,
  source: Text,
  date: IsoDate.optional(),
  template: z.boolean().default(false),
});
/** `template: true` marks an example answer or proof to replace; the card does not present it as fact. */
const Objection = z.strictObject({
  objection: Sentence,
  response: Sentence,
  proof: Text.optional(),
  template: z.boolean().default(false),
});

const RoleDefinition = z.strictObject({
  id: RoleId,
  label: Text,
  definition: Sentence,
  hubspotValue: z.enum(HUBSPOT_BUYING_ROLES),
  /** Role-level guidance, shown when the contact's persona has none for this role (or no persona fits). */
  talkingPoints: z.array(Sentence).default([]),
  objections: z.array(Objection).default([]),
  discoveryQuestions: z.array(Sentence).default([]),
});

const RoleRule = z.strictObject({
  id: Id,
  match: MatchSchema,
  assign: z.strictObject({ role: AssignableRole, extraRoles: z.array(AssignableRole).default([]) }),
  note: Sentence,
  confidence: Confidence,
});

const TalkingPoints = z.partialRecord(RoleId, list(Sentence));
const HubSpotPersona = z
  .string()
  .regex(/^persona_\d+$/, 'use a HubSpot hs_persona value such as "persona_3"');

const personaCommon = {
  id: Id,
  name: Text,
  summary: Sentence,
  match: PersonaMatchSchema,
  /** Alternative conditions: the persona also applies when any of these holds (same priority). */
  alsoMatch: z.array(MatchSchema).default([]),
  confidence: Confidence.default(0.8),
  owner: Text.optional(),
  reviewedAt: IsoDate,
  hubspotPersona: HubSpotPersona.optional(),
};

const Persona = z.strictObject({
  ...personaCommon,
  goals: list(Sentence),
  /** What they are measured on; what a win looks like to them. */
  successMetrics: z.array(Sentence).default([]),
  painPoints: list(PainPoint),
  talkingPoints: TalkingPoints,
  objections: list(Objection),
  discoveryQuestions: list(Sentence),
  /** How they evaluate and buy: criteria, the process, the typical timeline. */
  evaluation: z
    .strictObject({
      criteria: z.array(Sentence).default([]),
      process: Sentence.optional(),
      timeline: Text.optional(),
    })
    .optional(),
  /** Events that make them look for a solution now. */
  triggerEvents: z.array(Sentence).default([]),
  channels: list(Text),
  formats: list(Text),
  disqualifiers: z.array(Sentence).default([]),
  bringIn: z
    .array(z.strictObject({ role: RoleId, personas: z.array(Id).default([]), why: Sentence }))
    .default([]),
});

const NegativePersona = z.strictObject({
  ...personaCommon,
  disqualifiers: list(Sentence),
  handling: Sentence,
  talkingPoints: TalkingPoints.default({}),
});

export const PlaybookSchema = z.strictObject({
  $schema: z.string().optional(),
  version: Text,
  /** true for a sample to replace: the card and settings say so, and the check warns until it is removed. */
  example: z.boolean().default(false),
  reviewIntervalDays: z.number().int().positive().default(180),
  /** HubSpot `lifecyclestage` values that make a contact a customer (for `match.customer`). */
  customerStages: list(Text).default(['customer', 'evangelist']),
  product: Product,
  roles: list(RoleDefinition),
  roleRules: list(RoleRule),
  roleFallback: z.strictObject({ role: AssignableRole, note: Sentence, confidence: Confidence }),
  requiredRoles: list(RoleId),
  /** Size-specific buying groups (first entry naming the company's band wins; else requiredRoles). */
  requiredRolesBySize: z
    .array(z.strictObject({ sizeBands: list(KnownSizeBandId), roles: list(RoleId) }))
    .default([]),
  personas: list(Persona),
  negativePersonas: z.array(NegativePersona).default([]),
  /** Deal buying groups: deal kinds, size bands by amount, required roles per kind and size (optional). */
  deals: DealPlaybookSchema.optional(),
});

export type Playbook = z.output<typeof PlaybookSchema>;
export type PlaybookInput = z.input<typeof PlaybookSchema>;
export type Match = z.output<typeof MatchSchema>;
export type PersonaMatch = z.output<typeof PersonaMatchSchema>;
export type ProductGroupId = (typeof PRODUCT_GROUPS)[number];
export type RoleRule = Playbook['roleRules'][number];
export type RoleDefinition = Playbook['roles'][number];
export type Persona = Playbook['personas'][number];
export type NegativePersona = Playbook['negativePersonas'][number];
export type AnyPersona = Persona | NegativePersona;
export type PainPoint = Persona['painPoints'][number];
export type Objection = Persona['objections'][number];

/** The JSON Schema editors use for completion (kept current by a test). */
export function playbookJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(PlaybookSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

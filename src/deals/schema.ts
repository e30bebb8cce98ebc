import { z } from 'zod';
import { BUYING_ROLES } from '../taxonomy.ts';

/**
 * The playbook's optional `deals` section: how to tell renewals and expansions from new business, the
 * deal-size bands (by amount), and which roles a deal of each kind and size needs. Left out, the
 * defaults below apply; renewals and expansions are judged by the customer roles.
 */
export const DEAL_KINDS = ['new', 'renewal', 'expansion'] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

const RoleId = z.enum(BUYING_ROLES);
const Word = z.string().trim().min(2, 'use 2+ characters');
const list = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'list at least one value');

const KindSignals = z.strictObject({
  /** `dealtype` values (e.g. a portal's own "renewal" option). */
  dealTypes: z.array(Word).default([]),
  /** Pipeline ids, or words in the pipeline's label ("Renewals"). */
  pipelines: z.array(Word).default([]),
  /** Words in the deal name ("Renewal 2027", "Upsell"). */
  nameKeywords: z.array(Word).default([]),
});

export const DealPlaybookSchema = z.strictObject({
  /** Bands by amount, smallest first; the last has no `below`. */
  sizeBands: list(
    z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), below: z.number().positive().optional() }),
  ).default([{ id: 'small', below: 10_000 }, { id: 'mid', below: 100_000 }, { id: 'large' }]),
  renewal: KindSignals.default({
    dealTypes: ['renewal'],
    pipelines: ['renewal'],
    nameKeywords: ['renewal', 'renewals', 'verlängerung', 'renouvellement', 'renovación', 'renovação'],
  }),
  /** Existing business that is not a renewal counts as expansion. */
  expansion: KindSignals.default({
    dealTypes: ['existingbusiness', 'expansion', 'upsell'],
    pipelines: ['expansion', 'upsell'],
    nameKeywords: ['expansion', 'upsell', 'upgrade', 'add-on', 'cross-sell'],
  }),
  /** First rule whose kinds and sizes both match wins; no match → the playbook's `requiredRoles`. */
  requiredRoles: z
    .array(
      z.strictObject({
        kinds: list(z.enum(DEAL_KINDS)).optional(),
        sizes: list(z.string()).optional(),
        roles: list(RoleId),
      }),
    )
    .default([
      { kinds: ['renewal'], roles: ['economic_buyer', 'champion', 'end_user'] },
      { kinds: ['expansion'], roles: ['economic_buyer', 'champion', 'end_user'] },
      { kinds: ['new'], sizes: ['small'], roles: ['economic_buyer', 'champion'] },
      {
        kinds: ['new'],
        sizes: ['mid'],
        roles: ['economic_buyer', 'decision_maker', 'champion', 'technical_evaluator'],
      },
      {
        kinds: ['new'],
        sizes: ['large'],
        roles: [
          'economic_buyer',
          'decision_maker',
          'executive_sponsor',
          'champion',
          'technical_evaluator',
          'gatekeeper',
        ],
      },
    ]),
  /**
   * On renewals and expansions people act as customers: a role read from the title maps to the role it
   * plays for an existing customer (the evaluator of the first sale is the product owner, a champion).
   */
  customerRoles: z
    .partialRecord(RoleId, RoleId)
    .default({ technical_evaluator: 'champion', influencer: 'end_user' }),
  /** A role is "engaged" when someone in it had activity within this many days. */
  engagedDays: z.number().int().positive().default(30),
});

export type DealPlaybook = z.output<typeof DealPlaybookSchema>;

/** The deals section with every default filled in. */
export function dealSettings(section: DealPlaybook | undefined): DealPlaybook {
  return section ?? DealPlaybookSchema.parse({});
}

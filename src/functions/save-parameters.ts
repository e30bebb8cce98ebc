import { z } from 'zod';
import { BUYING_ROLES } from '../taxonomy.ts';

/** Parameters of the `save_classification` app function, as the card sends them. */
export const SaveParameters = z.strictObject({
  contactId: z
    .union([z.number().int().positive(), z.string().regex(/^\d+$/, 'a numeric record id')])
    .transform(String),
  /** `suggestion`: save rolecall's reading as `auto`; `override`: save the rep's choice as `manual`. */
  mode: z.enum(['suggestion', 'override']),
  persona: z.string().trim().min(1).max(64),
  buyingRole: z.enum(BUYING_ROLES),
  setBy: z.string().trim().max(200).optional(),
});
export type SaveParameters = z.output<typeof SaveParameters>;

import { z } from 'zod';

/** Zod schemas of the documented `*-hsmeta.json` fields for platform 2026.09 (hubspot-platform.md §3). */

const uid = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'a uid is 1-64 letters, digits, ".", "_" or "-"');
const entrypoint = z
  .string()
  .regex(
    /^\/app\/[^\s]+\.(tsx|jsx|ts|js)$/,
    'an entrypoint is absolute from srcDir, e.g. "/app/cards/PersonaCard.tsx"',
  );
const scopes = z.array(z.string().min(1));
const httpsUrl = z.url().refine((u) => u.startsWith('https://'), 'must be an https:// URL');

const appConfig = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(8192).optional(),
  logo: z.string().optional(),
  // private + static: the self-hosted build; marketplace + oauth: `npm run build -- --distribution marketplace`.
  distribution: z.enum(['private', 'marketplace']),
  auth: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('static'),
      requiredScopes: scopes.min(1),
      optionalScopes: scopes.optional(),
      conditionallyRequiredScopes: scopes.optional(),
    }),
    z.strictObject({
      type: z.literal('oauth'),
      redirectUrls: z.array(z.url()).min(1),
      requiredScopes: scopes.min(1),
      optionalScopes: scopes.optional(),
      conditionallyRequiredScopes: scopes.optional(),
    }),
  ]),
  permittedUrls: z
    .strictObject({
      fetch: z.array(httpsUrl).optional(),
      iframe: z.array(httpsUrl).optional(),
      img: z.array(httpsUrl).optional(),
    })
    .optional(),
  support: z
    .strictObject({
      supportEmail: z.email(),
      documentationUrl: httpsUrl.optional(),
      supportUrl: httpsUrl.optional(),
      supportPhone: z.string().optional(),
    })
    .optional(),
});

const cardConfig = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  previewImage: z.object({ file: z.string(), altText: z.string() }).optional(),
  location: z.enum(['crm.record.tab', 'crm.record.sidebar', 'crm.preview', 'helpdesk.sidebar']),
  entrypoint,
  objectTypes: z.array(z.string().min(1)).min(1),
});

const functionConfig = z.strictObject({
  entrypoint: z
    .string()
    .regex(
      /^\/app\/functions\/[^\s/]+\.(js|cjs)$/,
      'an app function entrypoint is a CommonJS .js file in /app/functions/',
    ),
  secretKeys: z.array(z.string()).optional(),
});

const fieldTypeDefinition = z.looseObject({ name: z.string().min(1), type: z.string().min(1) });
const workflowField = z.looseObject({
  typeDefinition: fieldTypeDefinition,
  supportedValueTypes: z.array(z.string()).optional(),
});

const workflowActionConfig = z.strictObject({
  actionUrl: httpsUrl,
  isPublished: z.boolean().optional(),
  supportedClients: z.array(z.object({ client: z.string() })).min(1),
  objectTypes: z.array(z.string()).min(1),
  objectRequestOptions: z.object({ properties: z.array(z.string()) }).optional(),
  inputFields: z.array(workflowField).optional(),
  outputFields: z.array(workflowField).optional(),
  labels: z.looseObject({
    en: z.looseObject({ actionName: z.string().min(1) }),
  }),
});

const crmObjectSubscription = z.strictObject({
  subscriptionType: z.string().regex(/^object\./),
  objectType: z.string().min(1),
  propertyName: z.string().optional(),
  active: z.boolean(),
});

const webhooksConfig = z.strictObject({
  settings: z.strictObject({ targetUrl: httpsUrl, maxConcurrentRequests: z.number().int().min(1) }),
  subscriptions: z.strictObject({
    crmObjects: z.array(crmObjectSubscription).optional(),
    legacyCrmObjects: z
      .array(z.looseObject({ subscriptionType: z.string(), active: z.boolean() }))
      .optional(),
    hubEvents: z.array(z.looseObject({ subscriptionType: z.string(), active: z.boolean() })).optional(),
  }),
});

const bulkActionConfig = z.strictObject({
  label: z.string().min(1),
  entrypoint,
  objectTypes: z.array(z.string()).min(1),
  displayMode: z.enum(['PANEL', 'MODAL']),
  icon: z.string().optional(),
});

const settingsConfig = z.strictObject({ entrypoint });

/** The folder each component type must live in, directly below extensions/app/. */
export const COMPONENT_FOLDERS: Record<string, string> = {
  app: '',
  card: 'cards',
  'app-function': 'functions',
  'workflow-action': 'workflow-actions',
  webhooks: 'webhooks',
  'crm-bulk-action': 'actions',
  settings: 'settings',
};

export const SINGLETON_TYPES = new Set(['app', 'webhooks', 'settings']);

const configByType = {
  app: appConfig,
  card: cardConfig,
  'app-function': functionConfig,
  'workflow-action': workflowActionConfig,
  webhooks: webhooksConfig,
  'crm-bulk-action': bulkActionConfig,
  settings: settingsConfig,
} as const;

const permissions = z.strictObject({
  requiredScopes: scopes.optional(),
  optionalScopes: scopes.optional(),
  conditionallyRequiredScopes: scopes.optional(),
});

/** One component file: only the five documented top-level keys. */
export const HsMetaFile = z
  .strictObject({
    uid,
    type: z.enum(Object.keys(configByType) as [keyof typeof configByType, ...(keyof typeof configByType)[]]),
    config: z.unknown(),
    dependencies: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
    permissions: permissions.optional(),
  })
  .superRefine((file, ctx) => {
    const result = configByType[file.type].safeParse(file.config);
    if (!result.success) {
      for (const issue of result.error.issues) {
        ctx.addIssue({ ...issue, path: ['config', ...issue.path] } as z.core.$ZodRawIssue);
      }
    }
  });
export type HsMetaFile = z.infer<typeof HsMetaFile>;

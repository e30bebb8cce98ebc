import type { Playbook } from '../playbook/schema.ts';
import { applyDealStep, type DealSetupStep, planDealSetup } from './deal-setup.ts';
import type { HubSpotError } from './errors.ts';
import type { Gateway } from './gateway.ts';
import { NATIVE_PROPERTIES } from './properties.ts';
import { ROLECALL_GROUP_SPEC, rolecallPropertySpecs } from './property-specs.ts';
import type { PropertyDefinition, PropertyOption } from './records.ts';

export type SetupStep =
  | { action: 'create-group'; name: string }
  | { action: 'create'; name: string; spec: PropertyDefinition }
  | { action: 'add-options'; name: string; added: string[]; options: PropertyOption[] }
  | { action: 'ok'; name: string }
  | { action: 'conflict'; name: string; message: string }
  | { action: 'warn'; name: string; message: string }
  | DealSetupStep;

export interface SetupResult {
  steps: SetupStep[];
  applied: boolean;
  error?: HubSpotError;
}

/**
 * Compares the portal with what rolecall needs and, unless dry, creates or extends it. Idempotent: a
 * second run finds everything `ok`. Options are only ever added, never removed, since records use them.
 */
export async function setupPortal(
  gateway: Gateway,
  playbook: Playbook,
  dryRun: boolean,
  /** Where the API is, for messages (`--base-url`). */
  target?: string,
): Promise<SetupResult> {
  const steps: SetupStep[] = [];
  const fail = (error: HubSpotError, done = steps): SetupResult => ({ steps: done, applied: false, error });
  // Every HubSpot portal has hs_buying_role: a server without it is not HubSpot's API (wrong --base-url).
  const probe = await gateway.getProperty('contacts', NATIVE_PROPERTIES.buyingRole);
  if (!probe.ok) return fail(probe.error);
  if (!probe.value) return fail(notHubSpot(target));
  const group = await gateway.getGroup('contacts', ROLECALL_GROUP_SPEC.name);
  if (!group.ok) return fail(group.error);
  steps.push(
    group.value
      ? { action: 'ok', name: `group ${ROLECALL_GROUP_SPEC.name}` }
      : { action: 'create-group', name: ROLECALL_GROUP_SPEC.name },
  );
  for (const spec of rolecallPropertySpecs(playbook)) {
    const existing = await gateway.getProperty('contacts', spec.name);
    if (!existing.ok) return fail(existing.error);
    steps.push(compare(spec, existing.value));
  }
  const native = await checkNative(gateway, playbook, probe.value);
  if (!native.ok) return fail(native.error);
  steps.push(...native.value);
  const deals = await planDealSetup(gateway, playbook);
  if (!deals.ok) return fail(deals.error);
  steps.push(...deals.value);
  if (dryRun) return { steps, applied: false };
  for (const [index, step] of steps.entries()) {
    if ('objectType' in step || step.action === 'create-label') {
      const done = await applyDealStep(gateway, playbook, step as DealSetupStep);
      if (!done.ok) return fail(done.error, steps.slice(0, index));
      steps[index] = done.value;
      continue;
    }
    const result =
      step.action === 'create-group'
        ? await gateway.createGroup('contacts', ROLECALL_GROUP_SPEC)
        : step.action === 'create'
          ? await gateway.createProperty('contacts', step.spec)
          : step.action === 'add-options'
            ? await gateway.updateProperty('contacts', step.name, { options: step.options })
            : undefined;
    // Only the steps before this one happened: report those, then the error.
    if (result && !result.ok) return fail(result.error, steps.slice(0, index));
  }
  return { steps, applied: true };
}

function notHubSpot(target: string | undefined): HubSpotError {
  const where = target ? `The server at ${target}` : 'The server';
  return {
    kind: 'not_found',
    status: 404,
    retryable: false,
    message: `${where} does not look like a HubSpot API: it has no contact property hs_buying_role, which every HubSpot portal has. Check --base-url (leave it out for https://api.hubapi.com).`,
  };
}

function compare(spec: PropertyDefinition, existing: PropertyDefinition | undefined): SetupStep {
  if (!existing) return { action: 'create', name: spec.name, spec };
  if (existing.type !== spec.type) {
    return {
      action: 'conflict',
      name: spec.name,
      message: `"${spec.name}" exists as type ${existing.type}, rolecall needs ${spec.type}. Archive or rename it in HubSpot (Settings › Properties), then run "rolecall setup" again.`,
    };
  }
  const have = new Set((existing.options ?? []).map((option) => option.value));
  const missing = (spec.options ?? []).filter((option) => !have.has(option.value));
  if (missing.length === 0) return { action: 'ok', name: spec.name };
  const start = existing.options?.length ?? 0;
  return {
    action: 'add-options',
    name: spec.name,
    added: missing.map((option) => option.value),
    options: [
      ...(existing.options ?? []),
      ...missing.map((option, i) => ({ ...option, displayOrder: start + i })),
    ],
  };
}

/** HubSpot's own properties: rolecall writes their existing options and cannot create them. */
async function checkNative(gateway: Gateway, playbook: Playbook, buying: PropertyDefinition) {
  const steps: SetupStep[] = [];
  const buyingValues = new Set((buying.options ?? []).map((option) => option.value));
  const neededRoles = [...new Set(playbook.roles.map((role) => role.hubspotValue))].filter(
    (v) => !buyingValues.has(v),
  );
  steps.push(
    neededRoles.length === 0
      ? { action: 'ok', name: NATIVE_PROPERTIES.buyingRole }
      : {
          action: 'warn',
          name: NATIVE_PROPERTIES.buyingRole,
          message: `hs_buying_role lacks ${neededRoles.join(', ')}; writes with them will fail. Add them in HubSpot (Settings › Properties › Buying Role).`,
        },
  );
  const mapped = [...playbook.personas, ...playbook.negativePersonas].flatMap((p) =>
    p.hubspotPersona ? [p.hubspotPersona] : [],
  );
  if (mapped.length > 0) {
    const persona = await gateway.getProperty('contacts', NATIVE_PROPERTIES.persona);
    if (!persona.ok) return persona;
    const values = new Set((persona.value?.options ?? []).map((option) => option.value));
    const absent = mapped.filter((value) => !values.has(value));
    steps.push(
      absent.length === 0
        ? { action: 'ok', name: NATIVE_PROPERTIES.persona }
        : {
            action: 'warn',
            name: NATIVE_PROPERTIES.persona,
            message: `hs_persona has no ${absent.join(', ')}; create these personas in HubSpot's Personas tool or remove hubspotPersona from the playbook.`,
          },
    );
  }
  return { ok: true as const, value: steps };
}

/** One line per step, for people. */
export function describeStep(step: SetupStep, dryRun: boolean): string {
  const will = dryRun ? 'would ' : '';
  switch (step.action) {
    case 'create-group':
      return `${dryRun ? 'would create' : 'created'} ${'objectType' in step ? 'deal ' : ''}property group "${step.name}"`;
    case 'create':
      return `${dryRun ? 'would create' : 'created'} ${'objectType' in step ? 'deal ' : ''}${step.spec.type} property "${step.name}"`;
    case 'create-label':
      return `${dryRun ? 'would create' : 'created'} contact→deal association label "${step.label}"`;
    case 'add-options':
      return `${will}${dryRun ? 'add' : 'added'} options to "${step.name}": ${step.added.join(', ')}`;
    case 'ok':
      return `ok: ${step.name}`;
    case 'conflict':
    case 'warn':
      return `⚠ ${step.message}`;
  }
}

import { functionLabel, personaName, seniorityLabel } from '../../card/labels.ts';
import {
  NATIVE_PROPERTIES,
  ROLECALL_PROPERTIES,
  SOURCE_AUTO,
  SOURCE_MANUAL,
} from '../../hubspot/properties.ts';
import { rolecallPropertySpecs } from '../../hubspot/property-specs.ts';
import { roleLabel } from '../../playbook/helpers.ts';
import type { Playbook } from '../../playbook/schema.ts';
import { BUYING_ROLES } from '../../taxonomy.ts';

/** The words and colours the report shows for rolecall's ids: the playbook's labels, never ids. */
export interface ReportLabels {
  persona(id: string): string;
  role(id: string): string;
  seniority(id: string): string;
  function(id: string): string;
  property(name: string): string;
  /** A property value as a person reads it (an option label), "(empty)" for none. */
  value(property: string, value: string | null): string;
  personaColour(id: string): string;
  roleColour(id: string): string;
}

/** One colour per buying role, the same in every chart. */
const ROLE_COLOURS = [
  '#2f6f9f', // economic buyer
  '#00a4bd', // decision maker
  '#6a78d1', // executive sponsor
  '#00bda5', // champion
  '#f2a541', // technical evaluator
  '#9b6bcc', // influencer
  '#7fb069', // end user
  '#d9822b', // gatekeeper
  '#516f90', // legal and compliance
  '#c93700', // blocker
  '#b0c1d4', // other
];
/** One colour per persona (in playbook order); not-a-buyer personas grey, no persona pale. */
const PERSONA_COLOURS = [
  '#ff7a59',
  '#0091ae',
  '#7c5cbf',
  '#00a37d',
  '#e5a100',
  '#c0467f',
  '#3d7bbf',
  '#8a6d3b',
];
const NEGATIVE_COLOUR = '#8a9bb0';
const UNKNOWN_COLOUR = '#d5dee8';

export function reportLabels(playbook: Playbook): ReportLabels {
  const propertyLabels = new Map<string, string>(
    rolecallPropertySpecs(playbook).map((spec) => [spec.name, spec.label]),
  );
  propertyLabels.set(NATIVE_PROPERTIES.buyingRole, 'Buying Role (HubSpot)');
  propertyLabels.set(NATIVE_PROPERTIES.persona, 'Persona (HubSpot)');
  const byHubSpotRole = new Map(playbook.roles.map((r) => [r.hubspotValue as string, r.label]));
  const byHubSpotPersona = new Map(
    playbook.personas.filter((p) => p.hubspotPersona).map((p) => [p.hubspotPersona as string, p.name]),
  );
  const persona = (id: string) => personaName(playbook, id);
  const role = (id: string) => roleLabel(playbook, id);
  const P = ROLECALL_PROPERTIES;
  const valueLabel: Record<string, (value: string) => string> = {
    [P.persona]: persona,
    [P.buyingRole]: role,
    [P.seniority]: seniorityLabel,
    [P.function]: functionLabel,
    [P.source]: (v) => (v === SOURCE_AUTO ? 'rolecall' : v === SOURCE_MANUAL ? 'a person' : v),
    [NATIVE_PROPERTIES.buyingRole]: (v) =>
      v
        .split(';')
        .map((part) => byHubSpotRole.get(part) ?? part)
        .join(' + '),
    [NATIVE_PROPERTIES.persona]: (v) => byHubSpotPersona.get(v) ?? v,
  };
  return {
    persona,
    role,
    seniority: seniorityLabel,
    function: functionLabel,
    property: (name) => propertyLabels.get(name) ?? name,
    value: (property, value) =>
      value === null || value === '' ? '(empty)' : (valueLabel[property]?.(value) ?? value),
    personaColour: (id) => {
      const index = playbook.personas.findIndex((p) => p.id === id);
      if (index >= 0) return PERSONA_COLOURS[index % PERSONA_COLOURS.length]!;
      return playbook.negativePersonas.some((p) => p.id === id) ? NEGATIVE_COLOUR : UNKNOWN_COLOUR;
    },
    roleColour: (id) => ROLE_COLOURS[(BUYING_ROLES as readonly string[]).indexOf(id)] ?? UNKNOWN_COLOUR,
  };
}

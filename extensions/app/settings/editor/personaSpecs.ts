import {
  blankObjection,
  type FieldSpec,
  HUBSPOT_ROLE_OPTIONS,
  MATCH_FIELDS,
  OBJECTION_FIELDS,
  ROLE_OPTIONS,
} from './specs.ts';

/** The persona fields of the editor, as data (see specs.ts). */

export const PERSONA_HEAD: FieldSpec[] = [
  { kind: 'text', key: 'id', label: 'Id (lowercase, used in HubSpot values)' },
  { kind: 'text', key: 'name', label: 'Name' },
  { kind: 'text', key: 'summary', label: 'Who they are, in one sentence', long: true },
  { kind: 'text', key: 'owner', label: 'Owner (who keeps it true)', optional: true },
  { kind: 'text', key: 'reviewedAt', label: 'Reviewed at (YYYY-MM-DD)' },
  { kind: 'text', key: 'hubspotPersona', label: 'HubSpot persona value (persona_N)', optional: true },
  { kind: 'number', key: 'confidence', label: 'Confidence (0 to 1)', min: 0, max: 1, optional: true },
];

export const PAIN_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'quote', label: "In the buyer's words", long: true },
  { kind: 'text', key: 'source', label: 'Source (call, interview, win/loss review)' },
  { kind: 'text', key: 'date', label: 'Date (YYYY-MM-DD)', optional: true },
  { kind: 'toggle', key: 'template', label: 'Template: never shown to reps as a real quote' },
];

export const PERSONA_CONTENT: FieldSpec[] = [
  { kind: 'lines', key: 'goals', label: 'Goals (one per line)' },
  { kind: 'lines', key: 'successMetrics', label: 'Success metrics: what they are measured on' },
  {
    kind: 'items',
    key: 'painPoints',
    label: 'Pain points',
    item: 'pain point',
    fields: PAIN_FIELDS,
    blank: () => ({ quote: '', source: '' }),
  },
  {
    kind: 'items',
    key: 'objections',
    label: 'Objections',
    item: 'objection',
    fields: OBJECTION_FIELDS,
    blank: blankObjection,
  },
  { kind: 'lines', key: 'discoveryQuestions', label: 'Discovery questions' },
  { kind: 'lines', key: 'triggerEvents', label: 'Trigger events: what makes them look now' },
  { kind: 'lines', key: 'channels', label: 'Channels: where they look for answers' },
  { kind: 'lines', key: 'formats', label: 'Formats they consume' },
  { kind: 'lines', key: 'disqualifiers', label: 'Disqualifiers: signals of a poor fit' },
  {
    kind: 'items',
    key: 'bringIn',
    label: 'Who to bring in',
    item: 'role to bring in',
    fields: [
      { kind: 'choice', key: 'role', label: 'Role', options: ROLE_OPTIONS },
      { kind: 'lines', key: 'personas', label: 'Personas likely to fill it (ids)', optional: true },
      { kind: 'text', key: 'why', label: 'Why', long: true },
    ],
    blank: () => ({ role: 'champion', why: '' }),
  },
];

export const EVALUATION_FIELDS: FieldSpec[] = [
  { kind: 'lines', key: 'criteria', label: 'How they evaluate: criteria' },
  { kind: 'text', key: 'process', label: 'Buying process', optional: true, long: true },
  { kind: 'text', key: 'timeline', label: 'Typical timeline', optional: true },
];

export const NEGATIVE_CONTENT: FieldSpec[] = [
  { kind: 'lines', key: 'disqualifiers', label: 'Disqualifiers: how to recognise them' },
  { kind: 'text', key: 'handling', label: 'How to handle them', long: true },
];

export const ALSO_MATCH: FieldSpec = {
  kind: 'items',
  key: 'alsoMatch',
  label: 'Also applies when (alternative conditions)',
  item: 'alternative',
  fields: MATCH_FIELDS,
  blank: () => ({}),
};

export const ROLE_FIELDS: FieldSpec[] = [
  { kind: 'text', key: 'label', label: 'Label' },
  { kind: 'text', key: 'definition', label: 'Definition', long: true },
  { kind: 'choice', key: 'hubspotValue', label: 'HubSpot buying role', options: HUBSPOT_ROLE_OPTIONS },
  { kind: 'lines', key: 'talkingPoints', label: 'Talking points for anyone in this role' },
  {
    kind: 'items',
    key: 'objections',
    label: 'Objections in this role',
    item: 'objection',
    fields: OBJECTION_FIELDS,
    blank: blankObjection,
  },
  { kind: 'lines', key: 'discoveryQuestions', label: 'Discovery questions in this role' },
];

const today = () => new Date().toISOString().slice(0, 10);

/** A new persona: invalid until its owner fills in what the schema asks (the fields say what). */
export function blankPersona(id: string, negative: boolean): Record<string, unknown> {
  const head = { id, name: '', summary: '', match: { priority: 0 }, reviewedAt: today() };
  if (negative) return { ...head, disqualifiers: [], handling: '' };
  return {
    ...head,
    goals: [],
    painPoints: [],
    talkingPoints: {},
    objections: [],
    discoveryQuestions: [],
    channels: [],
    formats: [],
  };
}

export function blankRule(id: string): Record<string, unknown> {
  return { id, match: {}, assign: { role: 'influencer' }, note: '', confidence: 0.6 };
}

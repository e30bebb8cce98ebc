import { classify } from '../classify/classify.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { withRevenuePerEmployee } from '../playbook/helpers.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { Classification, CompanyFacts, TitleResult } from '../taxonomy.ts';

/** One output line of `rolecall classify --jsonl`: the title fields first; later issues append more. */
export interface OutputRecord {
  title: string;
  seniority: string;
  function: string;
  secondaryFunctions: string[];
  confidence: number;
  rules: string[];
  reasons: string[];
  /** Why seniority or function is unknown (`no_evidence`, `ambiguous`, `unsupported_script`, `junk`), else null. */
  abstain: string | null;
  /** The playbook's reading (issue 4), after the title fields; absent on error lines. */
  buyingRole?: string;
  extraRoles?: string[];
  hubspotBuyingRole?: string;
  roleConfidence?: number;
  persona?: string;
  personaKind?: string;
  personaConfidence?: number;
  hubspotPersona?: string | null;
  fit?: boolean;
  roleRules?: string[];
  roleReasons?: string[];
  personaReasons?: string[];
  fitReasons?: string[];
  playbookVersion?: string;
  /** Input values that were ignored (the line was still classified), each naming the fix. */
  warnings?: string[];
  error?: string;
}

/** The title fields every output line starts with, in this order. */
export function toOutputRecord(result: TitleResult): OutputRecord {
  return {
    title: result.title,
    seniority: result.seniority,
    function: result.function,
    secondaryFunctions: result.secondaryFunctions,
    confidence: result.confidence,
    rules: result.rules,
    reasons: result.reasons,
    abstain: result.abstain ?? null,
  };
}

/** Options shared by every line of a run. */
export interface LineOptions {
  revenuePerEmployee?: number;
  /** The playbook deciding roles and personas (default: the shipped one). */
  playbook?: Playbook;
}

/** The playbook fields every output line carries after the title fields, in this order. */
export function playbookFields(result: Classification): Partial<OutputRecord> {
  return {
    buyingRole: result.buyingRole,
    extraRoles: result.extraRoles ?? [],
    hubspotBuyingRole: result.hubspotBuyingRole,
    roleConfidence: result.roleConfidence ?? 0,
    persona: result.persona,
    personaKind: result.personaKind,
    personaConfidence: result.personaConfidence,
    hubspotPersona: result.hubspotPersona,
    fit: result.fit,
    roleRules: result.roleRules,
    roleReasons: result.roleReasons,
    personaReasons: result.personaReasons,
    fitReasons: result.fitReasons,
    playbookVersion: result.playbookVersion,
  };
}

/**
 * The one place a title (and company) becomes an output record, for --jsonl, --csv and single titles alike:
 * switching to the full classify() and adding fields happens here.
 */
export function classifyRecord(
  title: string | null | undefined,
  company: CompanyFacts | null,
  options: LineOptions = {},
): OutputRecord {
  const playbook = withRevenuePerEmployee(options.playbook ?? defaultPlaybook, options.revenuePerEmployee);
  const result = classify({ jobTitle: title ?? '' }, company, playbook);
  // The fields of toOutputRecord then playbookFields, listed once: spreading two objects per line cost more
  // than a third of the --jsonl run (cpu profile).
  return {
    title: result.title,
    seniority: result.seniority,
    function: result.function,
    secondaryFunctions: result.secondaryFunctions,
    confidence: result.confidence,
    rules: result.rules,
    reasons: result.reasons,
    abstain: result.abstain ?? null,
    buyingRole: result.buyingRole,
    extraRoles: result.extraRoles ?? [],
    hubspotBuyingRole: result.hubspotBuyingRole,
    roleConfidence: result.roleConfidence ?? 0,
    persona: result.persona,
    personaKind: result.personaKind,
    personaConfidence: result.personaConfidence,
    hubspotPersona: result.hubspotPersona,
    fit: result.fit,
    roleRules: result.roleRules,
    roleReasons: result.roleReasons,
    personaReasons: result.personaReasons,
    fitReasons: result.fitReasons,
    playbookVersion: result.playbookVersion,
  };
}

/** The columns --csv appends to each row. */
export function toCsvColumns(record: OutputRecord): Record<string, string | number> {
  return {
    seniority: record.seniority,
    function: record.function,
    secondary_functions: record.secondaryFunctions.join(';'),
    confidence: record.confidence,
    reasons: record.reasons.join('; '),
    abstain: record.abstain ?? '',
    buying_role: record.buyingRole ?? '',
    extra_roles: (record.extraRoles ?? []).join(';'),
    hubspot_buying_role: record.hubspotBuyingRole ?? '',
    role_confidence: record.roleConfidence ?? '',
    persona: record.persona ?? '',
    persona_confidence: record.personaConfidence ?? '',
    fit: record.fit === undefined ? '' : String(record.fit),
    role_reasons: (record.roleReasons ?? []).join('; '),
    persona_reasons: (record.personaReasons ?? []).join('; '),
  };
}

/** A line that could not be read: empty results plus the error. */
export function errorRecord(message: string, title = ''): OutputRecord {
  return {
    title,
    seniority: 'unknown',
    function: 'unknown',
    secondaryFunctions: [],
    confidence: 0,
    rules: [],
    reasons: [],
    abstain: null,
    error: message,
  };
}

import people from '../data/people.json' with { type: 'json' };
import titleData from '../data/titles.json' with { type: 'json' };
import { intBetween, mixSeed, mulberry32, pick, pickWeighted, type Rng } from '../prng.ts';
import type { CrmRecord } from '../record.ts';
import type { SandboxStore } from '../store.ts';
import { makeCompany } from './company.ts';
import { decorate, makeEmail, rolesFor } from './contact-parts.ts';
import { COUNTRY_LANGUAGE, LANGUAGE_WEIGHTS, LANGUAGES, type Language } from './languages.ts';

/** Seeded, deterministic portal data: companies by size band, contacts with multilingual titles and mess. */
export interface SeedOptions {
  seed: number;
  contacts: number;
  companies?: number;
}

const TITLES = titleData.titles as Record<Language, [string, string | null][]>;
const START = Date.UTC(2019, 0, 1);
const SPAN = Date.UTC(2026, 5, 1) - START;
/** A portal user id for seeded "set by a person" history. */
export const SEED_USER_ID = 882761034;

/** Companies default to one per ten contacts (at least one when there are contacts). */
export function companyCount(options: SeedOptions): number {
  return options.companies ?? (options.contacts > 0 ? Math.max(1, Math.round(options.contacts / 10)) : 0);
}

/** Fills the store; record i of a seed is the same whatever the total (each record has its own stream). */
export function generate(store: SandboxStore, options: SeedOptions): void {
  const nCompanies = companyCount(options);
  const companyStep = nCompanies > 0 ? SPAN / nCompanies : 0;
  const cumulative = new Float64Array(nCompanies);
  let total = 0;
  for (let i = 0; i < nCompanies; i++) {
    const rng = mulberry32(mixSeed(options.seed, 1, i));
    const company = makeCompany(rng, START + Math.floor(i * companyStep * 0.5));
    store.companies.insert(company.props, company.at);
    total += company.weight;
    cumulative[i] = total;
  }
  const emails = new Set<string>();
  const titleIntern = new Map<string, string>();
  const step = options.contacts > 0 ? SPAN / options.contacts : 0;
  for (let j = 0; j < options.contacts; j++) {
    const rng = mulberry32(mixSeed(options.seed, 2, j));
    const at = START + Math.floor(j * step + rng() * step * 0.9);
    const record = makeContact(store, rng, j, at, cumulative, total, emails, titleIntern);
    record.updatedAt = at + Math.floor(rng() * 86_400_000 * 30);
  }
}

function pickCompany(rng: Rng, cumulative: Float64Array, total: number): number {
  const roll = rng() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] as number) > roll) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function makeContact(
  store: SandboxStore,
  rng: Rng,
  j: number,
  at: number,
  cumulative: Float64Array,
  total: number,
  emails: Set<string>,
  titleIntern: Map<string, string>,
): CrmRecord {
  const withCompany = cumulative.length > 0 && rng() >= 0.06;
  const company = withCompany ? store.companies.records[pickCompany(rng, cumulative, total)] : undefined;
  const duplicateOf =
    j > 0 && rng() < 0.02 ? store.contacts.records[Math.max(0, j - 1 - intBetween(rng, 0, 40))] : undefined;
  const language: Language = company
    ? rng() < 0.9
      ? (COUNTRY_LANGUAGE.get(company.props.country ?? '') ?? 'en')
      : pickWeighted(rng, LANGUAGES, LANGUAGE_WEIGHTS)
    : pickWeighted(rng, LANGUAGES, LANGUAGE_WEIGHTS);
  const names = people.languages[language];
  const firstname = duplicateOf?.props.firstname ?? (rng() < 0.01 ? '' : pick(rng, names.first));
  const lastname = duplicateOf?.props.lastname ?? (rng() < 0.02 ? '' : pick(rng, names.last));
  const companyName =
    company?.props.name ?? (rng() < 0.3 ? `${pick(rng, ['Freelance', 'Self', 'Independent'])}` : '');
  let jobtitle = '';
  let seniority = '';
  if (rng() < 0.08) {
    jobtitle = pick(rng, titleData.junk);
  } else {
    const pool = language !== 'en' && rng() < 0.3 ? TITLES.en : TITLES[language];
    const [title, level] = pick(rng, pool);
    const shaped = decorate(rng, title, companyName);
    jobtitle = titleIntern.get(shaped) ?? shaped;
    if (!titleIntern.has(shaped) && titleIntern.size < 50_000) titleIntern.set(shaped, shaped);
    if (level && rng() < 0.35) seniority = level;
  }
  const email = makeEmail(
    rng,
    firstname,
    lastname,
    company?.props.domain ?? '',
    j,
    emails,
    duplicateOf !== undefined,
  );
  const role = rng() < 0.08 ? rolesFor(rng) : '';
  const props: Record<string, string> = {
    firstname,
    lastname,
    email,
    jobtitle,
    company: companyName,
    hs_seniority: seniority,
    hs_buying_role: role,
    hs_persona: rng() < 0.04 ? `persona_${intBetween(rng, 1, 5)}` : '',
  };
  const record = store.contacts.insert(props, at, company?.id ?? 0);
  if (role && rng() < 0.5) {
    // Set by a person in HubSpot's UI: rolecall must never overwrite these.
    const when = at + intBetween(rng, 1, 86_400_000 * 20);
    record.history = {
      hs_buying_role: [
        {
          value: role,
          timestamp: when,
          sourceType: 'CRM_UI',
          sourceId: `userId:${SEED_USER_ID}`,
          updatedByUserId: SEED_USER_ID,
        },
      ],
    };
  }
  return record;
}

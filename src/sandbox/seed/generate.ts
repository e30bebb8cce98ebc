import companyData from '../data/companies.json' with { type: 'json' };
import industries from '../data/industries.json' with { type: 'json' };
import people from '../data/people.json' with { type: 'json' };
import titleData from '../data/titles.json' with { type: 'json' };
import { intBetween, mixSeed, mulberry32, pick, pickWeighted, type Rng } from '../prng.ts';
import type { CrmRecord } from '../record.ts';
import type { SandboxStore } from '../store.ts';
import { slug } from './names.ts';

/** Seeded, deterministic portal data: companies by size band, contacts with multilingual titles and mess. */
export interface SeedOptions {
  seed: number;
  contacts: number;
  companies?: number;
}

type Language = keyof typeof people.languages;
const LANGUAGES = Object.keys(people.languages) as Language[];
const LANGUAGE_WEIGHTS = LANGUAGES.map((l) => people.languageWeights[l]);
const COUNTRY_LANGUAGE = new Map<string, Language>();
for (const l of LANGUAGES)
  for (const c of people.languages[l].countries) if (!COUNTRY_LANGUAGE.has(c)) COUNTRY_LANGUAGE.set(c, l);
const TITLES = titleData.titles as Record<Language, [string, string | null][]>;
const BANDS = companyData.sizeBands;
const POPULAR_INDUSTRIES = [
  'COMPUTER_SOFTWARE',
  'INFORMATION_TECHNOLOGY_AND_SERVICES',
  'FINANCIAL_SERVICES',
  'HOSPITAL_HEALTH_CARE',
  'MARKETING_AND_ADVERTISING',
  'RETAIL',
  'MACHINERY',
  'LOGISTICS_AND_SUPPLY_CHAIN',
  'MANAGEMENT_CONSULTING',
  'INTERNET',
];
const BUYING_ROLES = [
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'BLOCKER',
];
const START = Date.UTC(2019, 0, 1);
const SPAN = Date.UTC(2026, 5, 1) - START;
/** A portal user id for seeded "set by a person" history. */
export const SEED_USER_ID = 882761034;

/** Companies default to one per ten contacts (at least one when there are contacts). */
export function companyCount(options: SeedOptions): number {
  return options.companies ?? (options.contacts > 0 ? Math.max(1, Math.round(options.contacts / 10)) : 0);
}

function makeCompany(rng: Rng, at: number): { props: Record<string, string>; at: number; weight: number } {
  const language = pickWeighted(rng, LANGUAGES, LANGUAGE_WEIGHTS);
  const country = pick(rng, people.languages[language].countries);
  const base = `${pick(rng, companyData.prefixes)}${rng() < 0.5 ? '' : ' '}${pick(rng, companyData.cores)}`;
  const legal = (companyData.legal as Record<string, string[]>)[country] ?? ['Inc.'];
  const name = rng() < 0.7 ? `${base} ${pick(rng, legal)}` : base;
  const tld = (companyData.tlds as Record<string, string>)[country] ?? 'com';
  const domain = `${slug(base)}${rng() < 0.5 ? '' : intBetween(rng, 2, 999)}.${tld}`;
  const band = pickWeighted(
    rng,
    BANDS,
    BANDS.map((b) => b.weight),
  );
  const employees = Math.round(
    Math.exp(Math.log(band.min) + rng() * (Math.log(band.max) - Math.log(band.min))),
  );
  const perHead = intBetween(rng, companyData.revenuePerEmployee.min, companyData.revenuePerEmployee.max);
  const industry = rng() < 0.05 ? '' : rng() < 0.5 ? pick(rng, POPULAR_INDUSTRIES) : pick(rng, industries);
  const props: Record<string, string> = {
    name,
    domain: rng() < 0.04 ? '' : domain,
    numberofemployees: rng() < 0.03 ? '' : String(employees),
    industry,
    annualrevenue: rng() < 0.1 ? '' : String(Math.round((employees * perHead) / 1000) * 1000),
    country,
  };
  return { props, at, weight: 1 + Math.log2(employees + 1) };
}

function decorate(rng: Rng, title: string, company: string): string {
  const roll = rng();
  if (roll < 0.05 && company) return title + pick(rng, titleData.suffixes).replace('{company}', company);
  if (roll < 0.09) return title.toUpperCase();
  if (roll < 0.12) return title.toLowerCase();
  if (roll < 0.14) return `  ${title} `;
  return title;
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

function rolesFor(rng: Rng): string {
  const first = pick(rng, BUYING_ROLES);
  const second = rng() < 0.2 ? pick(rng, BUYING_ROLES) : first;
  return second === first ? first : [first, second].sort().join(';');
}

function makeEmail(
  rng: Rng,
  first: string,
  last: string,
  domain: string,
  j: number,
  taken: Set<string>,
  duplicate: boolean,
): string {
  if (rng() < 0.03) return '';
  const f = slug(first) || 'info';
  const l = slug(last);
  const personal = !domain || duplicate || rng() < 0.1;
  const host = personal ? pick(rng, people.personalDomains) : domain;
  const shapes = [
    `${f}.${l}`,
    `${f.charAt(0)}${l}`,
    `${f}`,
    `${f}_${l}`,
    `${f}${l}${intBetween(rng, 1, 99)}`,
  ];
  let local = pick(rng, shapes).replace(/^\.|\.$/g, '') || `user${j}`;
  let email = `${local}@${host}`;
  if (taken.has(email)) {
    local = `${local}${j.toString(36)}`;
    email = `${local}@${host}`;
  }
  taken.add(email);
  return email;
}

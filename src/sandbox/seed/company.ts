import companyData from '../data/companies.json' with { type: 'json' };
import industries from '../data/industries.json' with { type: 'json' };
import people from '../data/people.json' with { type: 'json' };
import { intBetween, pick, pickWeighted, type Rng } from '../prng.ts';
import { LANGUAGE_WEIGHTS, LANGUAGES } from './languages.ts';
import { slug } from './names.ts';

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
/** One company: a name with a legal form of its country, a domain, a size band, an industry, revenue. */
export function makeCompany(
  rng: Rng,
  at: number,
): { props: Record<string, string>; at: number; weight: number } {
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

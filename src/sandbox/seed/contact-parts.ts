import people from '../data/people.json' with { type: 'json' };
import titleData from '../data/titles.json' with { type: 'json' };
import { intBetween, pick, type Rng } from '../prng.ts';
import { slug } from './names.ts';

const BUYING_ROLES = [
  'BUDGET_HOLDER',
  'CHAMPION',
  'DECISION_MAKER',
  'END_USER',
  'EXECUTIVE_SPONSOR',
  'INFLUENCER',
  'BLOCKER',
];
/** Real-world title noise: company suffixes, ALL CAPS, lowercase, stray spaces. */
export function decorate(rng: Rng, title: string, company: string): string {
  const roll = rng();
  if (roll < 0.05 && company) return title + pick(rng, titleData.suffixes).replace('{company}', company);
  if (roll < 0.09) return title.toUpperCase();
  if (roll < 0.12) return title.toLowerCase();
  if (roll < 0.14) return `  ${title} `;
  return title;
}

/** One or two HubSpot buying roles, `;`-joined in option order. */
export function rolesFor(rng: Rng): string {
  const first = pick(rng, BUYING_ROLES);
  const second = rng() < 0.2 ? pick(rng, BUYING_ROLES) : first;
  return second === first ? first : [first, second].sort().join(';');
}

/** A unique email in one of the shapes people use; personal domains for freelancers and duplicates. */
export function makeEmail(
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

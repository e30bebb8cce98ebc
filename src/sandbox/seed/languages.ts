import people from '../data/people.json' with { type: 'json' };

/** The seed's languages, their weights, and which language each country's people mostly speak. */
export type Language = keyof typeof people.languages;
export const LANGUAGES = Object.keys(people.languages) as Language[];
export const LANGUAGE_WEIGHTS = LANGUAGES.map((l) => people.languageWeights[l]);
export const COUNTRY_LANGUAGE = new Map<string, Language>();
for (const l of LANGUAGES)
  for (const c of people.languages[l].countries) if (!COUNTRY_LANGUAGE.has(c)) COUNTRY_LANGUAGE.set(c, l);

/** Email-safe slugs from names in any of the seed languages ("Müller" → "mueller", "Åsa" → "asa"). */
const SPECIAL: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  å: 'a',
  œ: 'oe',
};

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßøæåœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

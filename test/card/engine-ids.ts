/**
 * Spellings of engine ids in text a person reads: snake_case ids (`computer_software`, `c_level`), HubSpot enum
 * values (`COMPUTER_SOFTWARE`), the engine's "from seniority manager, function procurement" trace and the title
 * reader's "'vp' → vp". Returns every hit, so a failing test names all of them at once.
 */
export function engineIdsIn(text: string): string[] {
  const patterns = [
    /\b[a-z]+(?:_[a-z0-9]+)+\b/g,
    /\b[A-Z]+(?:_[A-Z0-9]+)+\b/g,
    /\b(?:from seniority|function [a-z]+,|size band [0-9]|industry [a-z])/g,
    /'[^']+' → [a-z]/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}

// Plain JavaScript: the `rolecall` launcher runs this before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `dist` (relative to `root`) holds a compiled CLI with every data file its build wrote, and no file it
 * was built from (nor package.json) changed or vanished since: then running it is running the current source.
 */
export function compiledIsFresh(root, dist = 'dist/cli') {
  try {
    const info = JSON.parse(readFileSync(join(root, dist, 'build.json'), 'utf8'));
    // ~270 paths on every start: joined as strings (the inputs are clean relative paths), not normalised one by one.
    const base = `${join(root)}/`;
    for (const input of [...info.inputs, 'package.json']) {
      if (statSync(base + input).mtimeMs > info.builtAt) return false;
    }
    for (const file of info.data ?? []) statSync(`${base}${dist}/${file}`);
    return true;
  } catch {
    return false; // not built, a source file is gone, or a data file of the build is
  }
}

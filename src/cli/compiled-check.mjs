// Plain JavaScript: the `rolecall` launcher runs this before anything is compiled.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `dist` (relative to `root`) holds a compiled CLI and no file it was built from (nor
 * package.json) changed or vanished since: then running it is running the current source.
 */
export function compiledIsFresh(root, dist = 'dist/cli') {
  try {
    const info = JSON.parse(readFileSync(join(root, dist, 'build.json'), 'utf8'));
    for (const input of [...info.inputs, 'package.json']) {
      if (statSync(join(root, input)).mtimeMs > info.builtAt) return false;
    }
    return true;
  } catch {
    return false; // not built, or a source file is gone
  }
}

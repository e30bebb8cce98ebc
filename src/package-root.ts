import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The rolecall checkout (the folder with package.json), found the same way from the TypeScript source
 * and from the compiled CLI in dist/, so files shipped beside the code (the default playbook, migrations)
 * are found from either.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  root = dir;
  return dir;
}

/** A file of the checkout by its path from the root, e.g. `src/playbook/default-playbook.yaml`. */
export const shippedFile = (path: string): string => join(packageRoot(), path);

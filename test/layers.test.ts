import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../src/package-root.ts';

const src = join(packageRoot(), 'src');

/** Every source file under `folder` (relative to src). */
function sourcesOf(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx|mjs)$/.test(file))
    .map((file) => join(src, folder, file));
}

/** The src-relative paths a file imports: static, side-effect, re-export and dynamic imports, types included. */
function importsOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
    .map((match) => relative(src, resolve(dirname(file), match[1] ?? '')))
    .filter((path) => !path.startsWith('..'));
}

/** Imports from `folders` into any of `forbidden` (src-relative folders), as "file → import". */
function crossings(folders: string[], forbidden: string[]): string[] {
  return folders.flatMap((folder) =>
    sourcesOf(folder).flatMap((file) =>
      importsOf(file)
        .filter((path) => forbidden.some((top) => path.startsWith(`${top}/`)))
        .map((path) => `${relative(src, file)} → ${path}`),
    ),
  );
}

describe('layers import downward only', () => {
  it('reads the imports it checks (the scan itself works)', () => {
    const imports = importsOf(join(src, 'classify/read-title.ts'));
    expect(imports).toContain('classify/model-file.ts');
    expect(imports).toContain('taxonomy.ts');
    expect(crossings(['classify'], ['playbook'])).not.toEqual([]); // classify reads with the playbook engine
  });

  it('src/hubspot and src/classify import nothing from the sandbox, the CLI, tag or the server', () => {
    expect(crossings(['hubspot', 'classify'], ['sandbox', 'cli', 'tag', 'server'])).toEqual([]);
  });

  it('the playbook engine does not import the classifier that uses it (the vocabulary is src/taxonomy.ts)', () => {
    expect(crossings(['playbook'], ['classify'])).toEqual([]);
  });
});

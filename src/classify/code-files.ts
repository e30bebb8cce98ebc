type Fs = {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
  readFileSync(path: string): Uint8Array;
};
type Path = { dirname(path: string): string; join(...parts: string[]): string };
type Url = { fileURLToPath(url: string): string };

/**
 * Files that ship beside the code, read through Node's built-in modules asked for at run time: browser bundles
 * (the cards' core) carry no import of the file system and simply find nothing. `undefined` outside Node.
 */
function nodeFiles(): { fs: Fs; path: Path; dir: string } | undefined {
  const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const here = typeof import.meta.url === 'string' ? import.meta.url : '';
  if (!node?.getBuiltinModule || !here.startsWith('file:')) return undefined;
  const fs = node.getBuiltinModule('node:fs') as Fs;
  const path = node.getBuiltinModule('node:path') as Path;
  const url = node.getBuiltinModule('node:url') as Url;
  return { fs, path, dir: path.dirname(url.fileURLToPath(here)) };
}

/**
 * The file `name` that a build wrote beside the compiled code: in this module's folder or one up (the compiled
 * CLI's chunks sit in dist/cli/chunks, its data files in dist/cli). `undefined` when there is none.
 */
export function builtFile(name: string): Uint8Array | undefined {
  const files = nodeFiles();
  if (!files) return undefined;
  const { fs, path, dir } = files;
  const file = [path.join(dir, name), path.join(dir, '..', name)].find((candidate) =>
    fs.existsSync(candidate),
  );
  return file ? fs.readFileSync(file) : undefined;
}

/**
 * The text of `file` (a path from the package root), found from this module upwards, so the TypeScript source
 * and the compiled CLI (dist/cli) both find it. `undefined` when there is none.
 */
export function packageFileText(file: string): string | undefined {
  const files = nodeFiles();
  if (!files) return undefined;
  const { fs, path } = files;
  let { dir } = files;
  for (let up = 0; up < 6; up++) {
    const candidate = path.join(dir, file);
    if (fs.existsSync(candidate)) return fs.readFileSync(candidate, 'utf8');
    dir = path.dirname(dir);
  }
  return undefined;
}

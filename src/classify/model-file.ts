import { restoreOccupationModel } from './model-snapshot.ts';
import { compileOccupationModel, type OccupationModel, type OccupationModelData } from './nearest.ts';

/** The model's data, from the package root. */
export const OCCUPATION_MODEL_FILE = 'src/classify/data/occupation-model.json';

type Fs = {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
  readFileSync(path: string): Uint8Array;
};
type Path = { dirname(path: string): string; join(...parts: string[]): string };
type Url = { fileURLToPath(url: string): string };

/** The first of `files` that exists, restored; undefined when none does or it is damaged. */
function readSnapshot(fs: Fs, files: string[]): OccupationModel | undefined {
  const file = files.find((candidate) => fs.existsSync(candidate));
  try {
    return file ? restoreOccupationModel(fs.readFileSync(file)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ESCO word model, read from disk on first use (~1 MB, so never at start-up) through Node's built-in
 * modules asked for at run time: browser bundles (the cards' core) carry no import of it and read without it.
 * Found from this module upwards, so the TypeScript source and the compiled CLI (dist/cli) both find it.
 * `snapshot` names the model's prebuilt tables (model-snapshot.ts) beside this module or one folder up: the
 * compiled CLI's build writes them and names them (src/build/shipped-data.ts); a missing or damaged snapshot
 * falls back to the JSON, as the source always reads it.
 */
export function lazyOccupationModel(snapshot?: string): () => OccupationModel | undefined {
  let model: OccupationModel | undefined;
  let tried = false;
  return () => {
    if (tried) return model;
    tried = true;
    const node = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const here = typeof import.meta.url === 'string' ? import.meta.url : '';
    if (!node?.getBuiltinModule || !here.startsWith('file:')) return undefined;
    const fs = node.getBuiltinModule('node:fs') as Fs;
    const path = node.getBuiltinModule('node:path') as Path;
    const url = node.getBuiltinModule('node:url') as Url;
    let dir = path.dirname(url.fileURLToPath(here));
    model = snapshot
      ? readSnapshot(fs, [path.join(dir, snapshot), path.join(dir, '..', snapshot)])
      : undefined;
    if (model) return model;
    for (let up = 0; up < 6; up++) {
      const file = path.join(dir, OCCUPATION_MODEL_FILE);
      if (fs.existsSync(file)) {
        model = compileOccupationModel(JSON.parse(fs.readFileSync(file, 'utf8')) as OccupationModelData);
        return model;
      }
      dir = path.dirname(dir);
    }
    return undefined;
  };
}

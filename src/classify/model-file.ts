import { builtFile, packageFileText } from './code-files.ts';
import { restoreOccupationModel } from './model-snapshot.ts';
import { compileOccupationModel, type OccupationModel, type OccupationModelData } from './nearest.ts';

/** The model's data, from the package root. */
export const OCCUPATION_MODEL_FILE = 'src/classify/data/occupation-model.json';

/** The snapshot's model; undefined when it is missing or damaged. */
function readSnapshot(name: string): OccupationModel | undefined {
  try {
    const bytes = builtFile(name);
    return bytes ? restoreOccupationModel(bytes) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The ESCO word model, read from disk on first use (~1 MB, so never at start-up; browser bundles find no file and
 * read without it, see code-files.ts). `snapshot` names the model's prebuilt tables (model-snapshot.ts) that the
 * compiled CLI's build writes beside its code (src/build/shipped-data.ts); a missing or damaged snapshot falls
 * back to the model's data, which the TypeScript source always reads.
 */
export function lazyOccupationModel(snapshot?: string): () => OccupationModel | undefined {
  let model: OccupationModel | undefined;
  let tried = false;
  return () => {
    if (tried) return model;
    tried = true;
    model = snapshot ? readSnapshot(snapshot) : undefined;
    if (model) return model;
    const text = packageFileText(OCCUPATION_MODEL_FILE);
    model = text === undefined ? undefined : compileOccupationModel(JSON.parse(text) as OccupationModelData);
    return model;
  };
}

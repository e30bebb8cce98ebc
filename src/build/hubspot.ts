import { join } from 'node:path';
import { buildHubSpot } from './build-hubspot.ts';

/** `npm run build`: writes the generated parts of extensions/ that `hs project upload` needs. */
const root = join(import.meta.dirname, '../..');
const report = await buildHubSpot({ root, extensionsDir: join(root, 'extensions') });
for (const output of report.outputs) console.log(`✔ extensions/${output}`);
for (const error of report.errors) console.error(`✖ ${error}`);
if (report.errors.length > 0) {
  console.error('The build is incomplete; fix the problems above, then run "npm run build" again.');
  process.exitCode = 1;
} else {
  console.log('Ready: run "hs project upload" (after "hs project validate").');
}

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHubSpot } from './build-hubspot.ts';

/**
 * `npm run build [-- --playbook <file>]`: writes the generated parts of extensions/ that `hs project upload`
 * needs. The playbook defaults to ROLECALL_PLAYBOOK (as for the backend), then to the shipped one.
 */
const root = join(import.meta.dirname, '../..');
function playbookArgument(): string | undefined {
  try {
    const { values } = parseArgs({ options: { playbook: { type: 'string' } }, allowPositionals: false });
    return values.playbook || process.env.ROLECALL_PLAYBOOK || undefined;
  } catch (error) {
    console.error(`✖ ${(error as Error).message}. Usage: npm run build [-- --playbook <file>]`);
    process.exit(1);
  }
}

const playbookPath = playbookArgument();
const report = await buildHubSpot({ root, extensionsDir: join(root, 'extensions'), playbookPath });
for (const output of report.outputs) console.log(`✔ extensions/${output}`);
for (const error of report.errors) console.error(`✖ ${error}`);
if (report.errors.length > 0) {
  console.error('The build is incomplete; fix the problems above, then run "npm run build" again.');
  process.exitCode = 1;
} else {
  const playbook = playbookPath
    ? `${playbookPath} (version ${report.playbookVersion})`
    : 'the shipped default';
  console.log(`Playbook built in: ${playbook}.`);
  console.log('Ready: run "hs project validate", then "hs project upload".');
}

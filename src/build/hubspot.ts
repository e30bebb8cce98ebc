import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHubSpot } from './build-hubspot.ts';
import { publicUrlProblem, writeMarketplaceProject } from './marketplace.ts';

/**
 * `npm run build [-- --playbook <file>]`: writes the generated parts of extensions/ that `hs project upload`
 * needs. The playbook defaults to ROLECALL_PLAYBOOK (as for the backend), then to the shipped one.
 */
const root = join(import.meta.dirname, '../..');
const USAGE =
  'Usage: npm run build [-- --playbook <file>] [--distribution private|marketplace --public-url https://… [--out dir] [--support-email a@b]]';
function args() {
  try {
    const { values } = parseArgs({
      options: {
        playbook: { type: 'string' },
        distribution: { type: 'string', default: 'private' },
        'public-url': { type: 'string' },
        out: { type: 'string', default: 'dist/marketplace' },
        'support-email': { type: 'string' },
      },
      allowPositionals: false,
    });
    if (values.distribution !== 'private' && values.distribution !== 'marketplace') {
      throw new Error(`--distribution must be private or marketplace; got "${values.distribution}"`);
    }
    return values;
  } catch (error) {
    console.error(`✖ ${(error as Error).message}. ${USAGE}`);
    process.exit(2);
  }
}
const flags = args();
if (flags.distribution === 'marketplace') {
  const problem = publicUrlProblem(flags['public-url']);
  if (problem) {
    console.error(`✖ ${problem}`);
    process.exit(2);
  }
}
function playbookArgument(): string | undefined {
  return flags.playbook || process.env.ROLECALL_PLAYBOOK || undefined;
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

if (flags.distribution === 'marketplace' && report.errors.length === 0) {
  const outDir = resolve(root, flags.out ?? 'dist/marketplace');
  const market = writeMarketplaceProject({
    sourceDir: join(root, 'extensions'),
    outDir,
    publicUrl: flags['public-url'] as string,
    ...(flags['support-email'] ? { supportEmail: flags['support-email'] } : {}),
  });
  for (const error of market.errors) console.error(`✖ ${error}`);
  if (market.errors.length > 0) {
    console.error('The marketplace project is not ready to upload; fix the problems above.');
    process.exitCode = 1;
  } else {
    console.log(
      `✔ marketplace project (OAuth, backend ${flags['public-url']}) in ${outDir}: ${market.outputs.length} files.`,
    );
    console.log(`Upload it from there: cd ${outDir} && hs project validate && hs project upload.`);
  }
}

import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildHubSpot } from '../../src/build/build-hubspot.ts';
import { buildFunction, bundleCore } from '../../src/build/bundles.ts';
import { loadPlaybookFile } from '../../src/playbook/load-file.ts';
import { repoRoot } from './scratch.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'rolecall-playbook-'));

/** The shipped YAML with a new version and a renamed persona: a data-only change, as a customer would make. */
function customPlaybook(dir: string): string {
  const yaml = readFileSync(join(repoRoot, 'src/playbook/default-playbook.yaml'), 'utf8')
    .replace(/^version: .*$/m, 'version: "2099.1.0"')
    .replace('name: Finance Leader', 'name: Budget Owner');
  const path = join(dir, 'playbook.yaml');
  writeFileSync(path, yaml);
  return path;
}

describe('npm run build -- --playbook <file>', () => {
  it("builds the configured playbook into the cards' package and the app function", async () => {
    const dir = scratch();
    const loaded = await loadPlaybookFile(customPlaybook(dir));
    expect(loaded.errors).toEqual([]);
    const json = JSON.stringify(loaded.value);

    await bundleCore(join(repoRoot, 'src/core.ts'), join(dir, 'core.js'), json);
    const core = await import(pathToFileURL(join(dir, 'core.js')).href);
    expect(core.defaultPlaybook.version).toBe('2099.1.0');
    const cfo = core.classify(
      { jobTitle: 'Chief Financial Officer' },
      { employees: 250 },
      core.defaultPlaybook,
    );
    expect(cfo).toMatchObject({ persona: 'finance_leader', playbookVersion: '2099.1.0' });
    expect(core.findPersona(core.defaultPlaybook, 'finance_leader').name).toBe('Budget Owner');

    symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await buildFunction(join(repoRoot, 'src/functions/save-classification.ts'), join(dir, 'fn.js'), json);
    expect(readFileSync(join(dir, 'fn.js'), 'utf8')).toContain('2099.1.0');
    expect(typeof (createRequire(join(dir, 'fn.js'))(join(dir, 'fn.js')) as { main: unknown }).main).toBe(
      'function',
    );
  }, 60_000);

  it('refuses a broken playbook, naming the problem and the fix, and writes nothing', async () => {
    const dir = scratch();
    const path = join(dir, 'broken.yaml');
    writeFileSync(path, readFileSync(customPlaybook(dir), 'utf8').replace('name: Budget Owner', 'name: ""'));
    const report = await buildHubSpot({
      root: repoRoot,
      extensionsDir: join(dir, 'extensions'),
      playbookPath: path,
    });
    expect(report.outputs).toEqual([]);
    expect(report.errors.join('\n')).toMatch(/broken\.yaml/);
    expect(report.errors.at(-1)).toMatch(/rolecall playbook check .*broken\.yaml/);
  });
});

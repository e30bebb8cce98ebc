import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../src/project/check-project.ts';

const root = join(import.meta.dirname, '..');

/** Copies hsproject.json and extensions/ (without node_modules) to a scratch folder to break. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-project-'));
  cpSync(join(root, 'hsproject.json'), join(dir, 'hsproject.json'));
  cpSync(join(root, 'extensions'), join(dir, 'extensions'), {
    recursive: true,
    filter: (src) => !src.includes('node_modules'),
  });
  return dir;
}

describe('the HubSpot project', () => {
  it('is well formed for platform 2026.09', async () => {
    expect(await checkProject(root)).toEqual([]);
  });

  it('names the file and the fix when a component sits in the wrong folder', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'extensions/app/settings'), { recursive: true });
    writeFileSync(
      join(dir, 'extensions/app/settings/stray-hsmeta.json'),
      JSON.stringify({
        uid: 'stray',
        type: 'crm-bulk-action',
        config: {
          label: 'x',
          entrypoint: '/app/actions/X.tsx',
          objectTypes: ['contacts'],
          displayMode: 'PANEL',
        },
      }),
    );
    const problems = await checkProject(dir);
    expect(problems.join('\n')).toMatch(/extensions\/app\/settings\/stray-hsmeta\.json.*move it/);
  });

  it('reports a duplicate uid', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'extensions/app/settings'), { recursive: true });
    writeFileSync(join(dir, 'extensions/app/settings/Settings.tsx'), '');
    writeFileSync(
      join(dir, 'extensions/app/settings/settings-hsmeta.json'),
      JSON.stringify({
        uid: 'rolecall_app',
        type: 'settings',
        config: { entrypoint: '/app/settings/Settings.tsx' },
      }),
    );
    const problems = (await checkProject(dir)).join('\n');
    expect(problems).toMatch(/uid "rolecall_app" is also used by/);
  });

  it('reports a missing entrypoint', async () => {
    const dir = scratchProject();
    mkdirSync(join(dir, 'extensions/app/cards'), { recursive: true });
    writeFileSync(
      join(dir, 'extensions/app/cards/ghost-hsmeta.json'),
      JSON.stringify({
        uid: 'ghost_card',
        type: 'card',
        config: {
          name: 'Ghost',
          location: 'crm.record.tab',
          entrypoint: '/app/cards/Ghost.tsx',
          objectTypes: ['contacts'],
        },
      }),
    );
    const problems = (await checkProject(dir)).join('\n');
    expect(problems).toMatch(
      /ghost-hsmeta\.json: entrypoint \/app\/cards\/Ghost\.tsx does not exist; create/,
    );
  });

  it('reports unknown keys and a wrong platform version', async () => {
    const dir = scratchProject();
    const appPath = join(dir, 'extensions/app/app-hsmeta.json');
    const app = JSON.parse(readFileSync(appPath, 'utf8'));
    writeFileSync(appPath, JSON.stringify({ ...app, extra: true }));
    expect((await checkProject(dir)).join('\n')).toMatch(/app-hsmeta\.json:.*extra/);
    writeFileSync(
      join(dir, 'hsproject.json'),
      JSON.stringify({ name: 'rolecall', srcDir: 'extensions', platformVersion: '2023.2' }),
    );
    expect((await checkProject(dir)).join('\n')).toMatch(/hsproject\.json:.*2026\.09/);
  });

  it('reports a legacy app.json inside srcDir', async () => {
    const dir = scratchProject();
    renameSync(join(dir, 'extensions/app/app-hsmeta.json'), join(dir, 'extensions/app/app.json'));
    const problems = (await checkProject(dir)).join('\n');
    expect(problems).toMatch(/app\.json: legacy/);
    expect(problems).toMatch(/app-hsmeta\.json is missing/);
  });
});

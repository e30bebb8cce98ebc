import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { translate } from '@hubspot/project-parsing-lib/translate';
import { z } from 'zod';
import { COMPONENT_FOLDERS, HsMetaFile, SINGLETON_TYPES } from './hsmeta-schemas.ts';

const ProjectFile = z.strictObject({
  name: z.string().min(1),
  srcDir: z.string().min(1),
  platformVersion: z.literal('2026.09'),
});

function findHsMetaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findHsMetaFiles(path);
    return entry.name.endsWith('-hsmeta.json') ? [path] : [];
  });
}

/**
 * Checks the HubSpot project offline: HubSpot's own parser (validation skipped, so no account is needed)
 * plus our zod schemas, folders, singletons and entrypoints. Returns problems, each naming the file and the fix.
 */
export async function checkProject(root: string): Promise<string[]> {
  const problems: string[] = [];
  const projectPath = join(root, 'hsproject.json');
  const project = ProjectFile.safeParse(JSON.parse(readFileSync(projectPath, 'utf8')));
  if (!project.success) {
    return [
      `hsproject.json: ${z.prettifyError(project.error)}. Fix it to {"name":"rolecall","srcDir":"extensions","platformVersion":"2026.09"}.`,
    ];
  }
  const srcDir = join(root, project.data.srcDir);
  for (const legacy of ['app.json', 'serverless.json', 'public-app.json']) {
    for (const found of findLegacy(srcDir, legacy)) {
      problems.push(
        `${relative(root, found)}: legacy 2023.2 file inside srcDir; delete it (HubSpot rejects the upload).`,
      );
    }
  }
  try {
    const result = await translate(
      { projectSourceDir: srcDir, platformVersion: project.data.platformVersion },
      { skipValidation: true },
    );
    for (const skipped of result.skippedHsMetaFiles) {
      problems.push(
        `${skipped}: HubSpot skips this file; move it directly into its type's folder under extensions/app/.`,
      );
    }
  } catch (error) {
    problems.push(`HubSpot's project parser rejected extensions/: ${(error as Error).message.trim()}`);
  }

  const seenTypes = new Map<string, string>();
  const seenUids = new Map<string, string>();
  for (const file of findHsMetaFiles(srcDir)) {
    const shown = relative(root, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${shown}: not valid JSON (${(error as Error).message}); fix the syntax.`);
      continue;
    }
    const parsed = HsMetaFile.safeParse(raw);
    if (!parsed.success) {
      problems.push(
        `${shown}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')} Fix the field as hubspot-platform.md §3 shows.`,
      );
      continue;
    }
    const meta = parsed.data;
    const folder = relative(join(srcDir, 'app'), join(file, '..')).split(sep).join('/');
    const expected = COMPONENT_FOLDERS[meta.type];
    if (folder !== expected) {
      problems.push(
        `${shown}: a "${meta.type}" component must sit directly in extensions/app/${expected}; move it there.`,
      );
    }
    const otherUid = seenUids.get(meta.uid);
    if (otherUid)
      problems.push(
        `${shown}: uid "${meta.uid}" is also used by ${otherUid}; give each component its own uid.`,
      );
    seenUids.set(meta.uid, shown);
    if (SINGLETON_TYPES.has(meta.type)) {
      const other = seenTypes.get(meta.type);
      if (other)
        problems.push(`${shown}: only one "${meta.type}" component is allowed (also ${other}); merge them.`);
      seenTypes.set(meta.type, shown);
    }
    const entry = (meta.config as { entrypoint?: string } | undefined)?.entrypoint;
    if (entry && !existsSync(join(srcDir, entry)) && !entry.startsWith('/app/functions/')) {
      problems.push(
        `${shown}: entrypoint ${entry} does not exist; create extensions${entry} or correct the path.`,
      );
    }
  }
  if (!seenTypes.has('app'))
    problems.push('extensions/app/app-hsmeta.json is missing; a project needs exactly one app component.');
  return problems;
}

function findLegacy(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findLegacy(path, name);
    return entry.name === name ? [path] : [];
  });
}

import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');

/**
 * Copies hsproject.json and extensions/ to a scratch folder without anything generated (node_modules,
 * dist, function bundles), so the build is tested from what git holds and never races the real tree.
 */
export function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-build-'));
  cpSync(join(repoRoot, 'hsproject.json'), join(dir, 'hsproject.json'));
  cpSync(join(repoRoot, 'extensions'), join(dir, 'extensions'), {
    recursive: true,
    filter: (src) => {
      const parts = src.split(sep);
      if (parts.includes('node_modules') || parts.includes('dist')) return false;
      return !(parts.at(-2) === 'functions' && src.endsWith('.js'));
    },
  });
  // Bundles keep @hubspot/api-client external: let require() find the repo's copy, as HubSpot's install would.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

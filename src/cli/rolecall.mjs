#!/usr/bin/env node
// `rolecall`: runs the compiled CLI in dist/cli (built by `npm install` / `npm run build:cli`) when no
// source file it was built from changed since; otherwise the TypeScript source through tsx, so an edit
// never runs stale code. ROLECALL_FROM_SOURCE=1 always runs the source.
import { join } from 'node:path';
import { compiledIsFresh } from './compiled-check.mjs';

if (process.env.ROLECALL_FROM_SOURCE !== '1' && compiledIsFresh(join(import.meta.dirname, '../..'))) {
  await import('../../dist/cli/rolecall.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./run.ts');
}

#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load, so there is no stale build to forget.
import { register } from 'tsx/esm/api';

register();
const { endQuietlyOnBrokenPipe, main } = await import('./main.ts');
endQuietlyOnBrokenPipe();
process.exitCode = await main(process.argv);

#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on load, so there is no stale build to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv);

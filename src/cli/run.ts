import { endQuietlyOnBrokenPipe, main } from './main.ts';

// The program: what `rolecall` runs, compiled to dist/cli/rolecall.mjs by `npm run build:cli`.
endQuietlyOnBrokenPipe();
process.exitCode = await main(process.argv);

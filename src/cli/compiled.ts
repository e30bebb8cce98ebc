/** Where `npm run build:cli` writes the compiled CLI, and its record of what it was built from. */
export const CLI_DIST = 'dist/cli';
/** In CLI_DIST. */
export const CLI_BUILD_INFO = 'build.json';

export interface CliBuildInfo {
  /** Epoch ms when the build started. */
  builtAt: number;
  /** Every source file compiled in, relative to the package root. */
  inputs: string[];
  /** The data files the build wrote beside the code (relative to CLI_DIST), which the compiled code reads. */
  data: string[];
}

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests use the engine's source, not the package generated for HubSpot uploads.
    alias: { '@rolecall/core': `${root}src/core.ts` },
    dedupe: ['react', '@hubspot/ui-extensions'],
  },
  test: {
    environment: 'node',
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'test/**/*.test.ts',
      'test/**/*.test.tsx',
      'extensions/app/**/*.test.tsx',
    ],
    exclude: ['**/node_modules/**', '**/dist/**'],
    // The one @hubspot/ui-extensions mock (used by card, settings and app-function tests).
    setupFiles: ['test/cards/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});

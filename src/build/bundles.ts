import { basename } from 'node:path';
import { build, type Plugin } from 'esbuild';

/**
 * Swaps the shipped default playbook for a configured one inside a bundle, so cards and app functions
 * classify with the same playbook as the backend. `json` is an already validated playbook.
 */
export function configuredPlaybook(json: string): Plugin {
  return {
    name: 'rolecall-configured-playbook',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]playbook[\\/]default-playbook\.json$/ }, () => ({
        contents: json,
        loader: 'json',
      }));
    },
  };
}

/**
 * Leaves ESCO's occupation words (~0.6 MB, src/classify/data/occupations.json) out of the browser core: the
 * cards read the hand lexicon only and show the values the backend stored, which used the full reader.
 */
export function withoutOccupationWords(): Plugin {
  return {
    name: 'rolecall-without-occupation-words',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]classify[\\/]data[\\/]occupations\.json$/ }, () => ({
        contents: JSON.stringify({ source: 'left out of the browser core', functions: {}, ambiguous: '' }),
        loader: 'json',
      }));
    },
  };
}

/**
 * Leaves zod's error messages in 40-odd languages (~0.26 MB minified) out of the browser core. zod re-exports them
 * all as `z.locales`, which keeps every one in a bundle although only English (zod's default) is ever used; the
 * core's messages are English like the rest of the card.
 */
export function englishZodMessagesOnly(): Plugin {
  return {
    name: 'rolecall-english-zod-messages-only',
    setup(bundler) {
      bundler.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
        contents: 'export { default as en } from "./en.js";',
        loader: 'js',
      }));
    },
  };
}

/** Cards run in HubSpot's sandboxed worker: browser ESM, so a node: import fails here, not in production. */
export async function bundleCore(entry: string, outfile: string, playbookJson?: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    outfile,
    // The cards' bundle carries the rule data: minified, it stays under the size it had before the ESCO work.
    minify: true,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [
      withoutOccupationWords(),
      englishZodMessagesOnly(),
      ...(playbookJson ? [configuredPlaybook(playbookJson)] : []),
    ],
  });
}

/** HubSpot require()s an app function: CommonJS for node20, with the SDK left to functions/package.json. */
export async function buildFunction(source: string, outfile: string, playbookJson?: string): Promise<void> {
  await build({
    entryPoints: [source],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['@hubspot/api-client'],
    outfile,
    logLevel: 'silent',
    legalComments: 'none',
    banner: { js: `// Built by "npm run build" from src/functions/${basename(source)}; do not edit.` },
    plugins: playbookJson ? [configuredPlaybook(playbookJson)] : [],
  });
}

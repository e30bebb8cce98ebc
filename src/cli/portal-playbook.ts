import { loadPlaybookData } from '../playbook/load.ts';
import type { Playbook } from '../playbook/schema.ts';
import type { PlaybookSource } from '../playbook/source.ts';
import { type Backend, callBackend } from './backend.ts';
import { CliError } from './errors.ts';

interface VersionReply {
  version: number;
  savedBy: string | null;
  savedAt: number | null;
  playbook: unknown;
}

/**
 * The portal's playbook as the backend serves it to every other surface: the current version, or the given
 * one (a resumed run keeps the version it started with). Checked here like any file; a refusal names the fix.
 */
export async function fetchPortalPlaybook(
  backend: Backend,
  portal: number,
  version?: number,
): Promise<{ playbook: Playbook; source: PlaybookSource; warnings: string[] }> {
  const route = version === undefined ? '/api/playbook' : `/api/playbook/versions/${version}`;
  const reply = await callBackend(backend, portal, 'GET', route);
  if (reply.status !== 200) {
    const why =
      reply.status === 401
        ? 'the signature was refused: HUBSPOT_CLIENT_SECRET must be the secret rolecall serve uses, and --server the URL it calls ROLECALL_PUBLIC_URL'
        : reply.text.slice(0, 300);
    throw new CliError(
      `${backend.server} did not give portal ${portal}'s playbook${version === undefined ? '' : ` version ${version}`} (${reply.status}): ${why}. Fix that, or run with --playbook FILE.`,
    );
  }
  let body: VersionReply;
  try {
    body = JSON.parse(reply.text) as VersionReply;
  } catch {
    throw new CliError(`${backend.server} answered with something that is not JSON; is it rolecall serve?`);
  }
  const source = `portal ${portal} playbook version ${body.version}`;
  const loaded = loadPlaybookData(body.playbook, source);
  if (!loaded.value) {
    const errors = loaded.errors.map((e) => `  ✖ ${e.text}`).join('\n');
    throw new CliError(`The ${source} does not load here:\n${errors}\nRun with --playbook FILE instead.`);
  }
  return {
    playbook: loaded.value,
    source: {
      kind: 'portal',
      server: backend.server,
      portal,
      version: body.version,
      savedBy: body.savedBy ?? null,
      savedAt: body.savedAt ?? null,
    },
    // Version 0 is the default the CLI ships too: its template warnings are said by "playbook check".
    warnings: body.version === 0 ? [] : loaded.warnings.map((w) => w.text),
  };
}

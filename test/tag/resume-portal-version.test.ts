import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { PlaybookSource } from '../../src/playbook/source.ts';
import type { Session } from '../../src/tag/session.ts';
import { tagCommand } from '../../src/tag/tag-command.ts';
import { startPortal } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

const fromPortal = (version: number): PlaybookSource => ({
  kind: 'portal',
  server: 'https://rolecall.example.com',
  portal: 42,
  version,
  savedBy: null,
  savedAt: null,
});

function sessionOf(p: NonNullable<typeof portal>, source: PlaybookSource): Session {
  return {
    db: p.db,
    playbook: defaultPlaybook,
    playbookSource: source,
    connection: { gateway: p.gateway, target: p.sandbox.baseUrl, close: async () => {} },
    close: async () => {},
  };
}

describe("a resumed run keeps the portal's playbook version it started with", () => {
  it('reloads that version when the portal has saved a newer one, and says so', async () => {
    portal = await startPortal({ contacts: 120 });
    const dbPath = join(portal.dir, 'rolecall.db');
    let chunks = 0;
    const first = await tagCommand(sessionOf(portal, fromPortal(3)), {
      dbPath,
      progress: 'silent',
      chunkSize: 20,
      deals: false,
      shouldStop: () => {
        chunks += 1;
        return chunks > 1;
      },
    });
    expect(first.summary?.status).toBe('stopped');
    expect(first.playbookSource).toMatchObject({ kind: 'portal', version: 3 });

    const without = await tagCommand(sessionOf(portal, { kind: 'built-in' }), {
      dbPath,
      progress: 'silent',
      resume: true,
    });
    expect(without.problem).toContain('--server https://rolecall.example.com');

    const portalVersion = vi.fn(async () => defaultPlaybook);
    const resumed = await tagCommand(sessionOf(portal, fromPortal(4)), {
      dbPath,
      progress: 'silent',
      resume: true,
      deals: false,
      portalVersion,
    });
    expect(portalVersion).toHaveBeenCalledWith(3);
    expect(resumed.summary?.status).toBe('done');
    expect(resumed.warnings?.join('\n')).toContain('version the run started with (3)');
    expect(resumed.playbookSource).toMatchObject({ version: 3 });
  }, 60_000);
});

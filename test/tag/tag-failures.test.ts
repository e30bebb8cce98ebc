import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { translateHubSpotError } from '../../src/hubspot/errors.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import type { Session } from '../../src/tag/session.ts';
import { tagCommand } from '../../src/tag/tag-command.ts';
import { startPortal } from './helpers.ts';

let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

function sessionOf(p: NonNullable<typeof portal>): Session {
  return {
    db: p.db,
    playbook: defaultPlaybook,
    connection: { gateway: p.gateway, target: p.sandbox.baseUrl, close: async () => {} },
    close: async () => {},
  };
}

describe('a tag run that cannot start', () => {
  it('names an unknown --filter property and writes no plan or report', async () => {
    portal = await startPortal({ contacts: 20 });
    const result = await tagCommand(sessionOf(portal), {
      dryRun: true,
      filter: ['jobtitl=CEO'],
      dbPath: join(portal.dir, 'rolecall.db'),
      progress: 'silent',
    });
    expect(result.problem).toContain('"jobtitl"');
    expect(result.problem).toContain('--filter');
    expect(result.summary).toBeUndefined();
    expect(readdirSync(portal.dir).filter((name) => /^(plan|report)-/.test(name))).toEqual([]);
    expect(existsSync(join(portal.dir, 'rolecall.db'))).toBe(true);
  });

  it('does not double the period of HubSpot messages', () => {
    const error = translateHubSpotError(
      400,
      { message: 'x', errors: [{ message: 'Property jobtitl does not exist.' }] },
      'searching contacts',
    );
    expect(error.message).not.toContain('..');
    expect(error.message).toContain('does not exist. ');
  });
});

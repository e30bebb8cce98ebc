import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type Gateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../src/sandbox/index.ts';
import { AuditDb, type RunPortal } from '../../src/tag/audit-db.ts';
import { type Classifier, runTag, type TagRunInput, type TagSummary } from '../../src/tag/run-tag.ts';
import { allContacts } from '../../src/tag/source.ts';
import { SkipClock } from '../skip-clock.ts';

export interface Portal {
  sandbox: Sandbox;
  gateway: Gateway;
  db: AuditDb;
  dir: string;
  close(): Promise<void>;
}

/**
 * A seeded sandbox over real HTTP, set up for rolecall, with a fresh audit DB in a temp dir. The sandbox
 * and the gateway share one SkipClock: rate windows and back-off behave as in real time, minus the idling.
 */
export async function startPortal(
  options: SandboxOptions = {},
  classify?: Classifier,
): Promise<Portal & { classify: Classifier; clock: SkipClock }> {
  const clock = new SkipClock();
  const sandbox = await startSandbox({ seed: 7, contacts: 300, rateLimit: false, clock, ...options });
  const gateway = createGateway({
    accessToken: sandbox.token,
    baseUrl: sandbox.baseUrl,
    baseBackoffMs: 20,
    clock,
  });
  const setup = await setupPortal(gateway, defaultPlaybook, false);
  if (setup.error) throw new Error(setup.error.message);
  const dir = mkdtempSync(join(tmpdir(), 'rolecall-tag-'));
  const db = new AuditDb(join(dir, 'rolecall.db'));
  const chosen = classify ?? (await import('../../src/classify/classify.ts')).classify;
  return {
    sandbox,
    gateway,
    db,
    dir,
    classify: chosen,
    clock,
    close: async () => {
      db.close();
      await sandbox.close();
    },
  };
}

let runCounter = 0;

/** Tags every contact of the portal in one run. */
export function tagAll(
  portal: Portal & { classify: Classifier },
  extra: Partial<TagRunInput> = {},
  gateway: Gateway = portal.gateway,
  run: { target?: string; portal?: RunPortal | null } = {},
): Promise<TagSummary> {
  runCounter += 1;
  const runId = extra.runId ?? `test-run-${runCounter}`;
  if (!extra.resuming)
    portal.db.createRun({
      id: runId,
      kind: extra.planFile ? 'dry-run' : 'tag',
      target: run.target ?? 'test',
      options: {},
      portal: run.portal ?? null,
    });
  return runTag({
    gateway,
    db: portal.db,
    playbook: defaultPlaybook,
    classify: portal.classify,
    source: allContacts(gateway),
    chunkSize: 100,
    ...extra,
    runId,
  });
}

/** Every contact's properties, by id (the sandbox's own view, not through the API). */
export function snapshotContacts(
  sandbox: Sandbox,
  names: readonly string[],
): Map<string, Record<string, string | undefined>> {
  const result = new Map<string, Record<string, string | undefined>>();
  for (const record of sandbox.store.contacts.records) {
    const view = sandbox.store.getContact(record.id);
    if (!view) continue;
    result.set(view.id, Object.fromEntries(names.map((name) => [name, view.properties[name]])));
  }
  return result;
}

/** Batch-update requests the sandbox answered, from its request log. */
export function updateRequests(sandbox: Sandbox): number {
  return sandbox.requestLog.filter((entry) => entry.path.startsWith('/crm/v3/objects/contacts/batch/update'))
    .length;
}

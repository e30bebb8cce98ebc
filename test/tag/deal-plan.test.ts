import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { applyPlanFile } from '../../src/tag/apply-plan.ts';
import { runDealPhase } from '../../src/tag/deals/deal-phase.ts';
import { DEAL_LABEL_COLUMN, PlanFile, type PlannedDeal } from '../../src/tag/plan-file.ts';
import type { Session } from '../../src/tag/session.ts';
import { tagCommand } from '../../src/tag/tag-command.ts';
import { runUndo } from '../../src/tag/undo.ts';
import { type Portal, startPortal, tagAll } from './helpers.ts';

let portal: (Portal & { classify: Parameters<typeof runDealPhase>[0]['classify'] }) | undefined;
afterEach(async () => {
  await portal?.close();
  portal = undefined;
});

/** Requests that change something in HubSpot (reads go by POST too: only write paths count). */
const writes = (p: NonNullable<typeof portal>) =>
  p.sandbox.requestLog.filter(
    (e) =>
      e.method !== 'GET' &&
      /batch\/(create|update|archive|upsert)|labels\/archive|\/associations\/.*\/batch\/create/.test(e.path),
  ).length;

/** USER_DEFINED contact→deal type ids on one association, from the sandbox's own store. */
const labelsOn = (p: NonNullable<typeof portal>, dealId: string, contactId: string): number[] =>
  (p.sandbox.store.graph.types('contacts', Number(contactId), 'deals', Number(dealId)) ?? []).filter(
    (t) => t !== 4,
  );

describe('rolecall tag --dry-run / --apply: deal labels', () => {
  it('the plan lists the deal changes and writes nothing; apply writes exactly them, keeps a label a person set since; undo removes them', async () => {
    portal = await startPortal({ contacts: 300, deals: 30 });
    const p = portal;
    const planFile = new PlanFile(join(p.dir, 'plan'));
    const before = writes(p);
    const dry = await tagAll(p, { planFile, runId: 'dry' });
    expect(dry.status).toBe('done');
    const phase = await runDealPhase({
      gateway: p.gateway,
      db: p.db,
      target: 'test',
      runId: 'dry',
      playbook: defaultPlaybook,
      classify: p.classify,
      now: Date.now(),
      dryRun: true,
      planFile,
      chunkSize: 10,
    });
    await planFile.close();
    expect(phase.error).toBeUndefined();
    expect(writes(p)).toBe(before);

    const entries = JSON.parse(readFileSync(planFile.jsonPath, 'utf8')) as Array<
      Partial<PlannedDeal> & { contact?: string }
    >;
    const deals = entries.filter((e): e is PlannedDeal => typeof e.deal === 'string');
    const adds = deals.flatMap((d) => d.labels.filter((l) => l.action === 'add').map((l) => ({ d, l })));
    const planned = deals.reduce((n, d) => n + d.labels.length, 0);
    const plannedProps = deals.reduce((n, d) => n + d.properties.length, 0);
    expect(adds.length).toBeGreaterThan(20);
    expect(planned).toBe(phase.labelsWritten);
    expect(plannedProps).toBe(phase.dealPropertiesWritten);
    expect(planFile.dealLabels).toBe(planned);
    // Deal entries come after every contact entry.
    expect(entries.findIndex((e) => typeof e.deal === 'string')).toBe(entries.length - deals.length);
    for (const { l } of adds) expect(l.why.length).toBeGreaterThan(0);
    const csv = parse(readFileSync(planFile.csvPath, 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(csv.filter((r) => r.property === DEAL_LABEL_COLUMN && r.deal)).toHaveLength(planned);
    // Nothing the plan adds is on HubSpot yet.
    const initial = new Map(
      adds.map(({ d, l }) => [`${d.deal}:${l.contact}`, labelsOn(p, d.deal, l.contact)]),
    );
    for (const { d, l } of adds) expect(labelsOn(p, d.deal, l.contact)).not.toContain(l.typeId);

    // Between the dry run and apply a person labels one planned contact with another role's label.
    const victim = adds[0]!;
    const other = p.sandbox.store.labels
      .list('contacts', 'deals')
      .find((x) => x.category === 'USER_DEFINED' && x.typeId !== victim.l.typeId)!;
    p.sandbox.store.graph.link('contacts', Number(victim.l.contact), 'deals', Number(victim.d.deal), [
      other.typeId,
    ]);

    p.db.createRun({ id: 'apply', kind: 'tag', target: 'test', options: {} });
    const applied = await applyPlanFile(p.gateway, p.db, planFile.jsonPath, 'apply', 'test');
    expect(applied.status).toBe('done');
    expect(applied.failed).toBe(0);
    expect(applied.deals.deals).toBe(deals.length);
    expect(applied.deals.labelsSkippedByPerson).toBe(1);
    expect(applied.deals.labelsWritten).toBe(planned - 1);
    expect(applied.deals.dealPropertiesWritten).toBe(plannedProps);
    for (const { d, l } of adds) {
      const now = labelsOn(p, d.deal, l.contact);
      if (d === victim.d && l === victim.l) expect(now).toEqual([other.typeId]);
      else expect(now, `${d.deal}:${l.contact}`).toContain(l.typeId);
    }

    // Applying again writes nothing more.
    const count = writes(p);
    p.db.createRun({ id: 'apply-again', kind: 'tag', target: 'test', options: {} });
    const again = await applyPlanFile(p.gateway, p.db, planFile.jsonPath, 'apply-again', 'test');
    expect(again.deals.labelsWritten + again.deals.dealPropertiesWritten).toBe(0);
    expect(writes(p)).toBe(count);
    expect(count).toBeGreaterThan(before);

    const undo = await runUndo(p.gateway, p.db, 'apply', 'undo');
    expect(undo.status).toBe('done');
    expect(undo.labelsRestored).toBe(planned - 1);
    for (const { d, l } of adds) {
      const now = labelsOn(p, d.deal, l.contact);
      const was = initial.get(`${d.deal}:${l.contact}`) ?? [];
      expect(now, `${d.deal}:${l.contact}`).toEqual(
        d === victim.d && l === victim.l ? [...was, other.typeId] : was,
      );
    }
  }, 60_000);

  it('rolecall tag --dry-run plans the deal side; --no-deals leaves it out', async () => {
    portal = await startPortal({ contacts: 150, deals: 15 });
    const p = portal;
    const session: Session = {
      db: p.db,
      playbook: defaultPlaybook,
      connection: { gateway: p.gateway, target: p.sandbox.baseUrl, close: async () => {} },
      close: async () => {},
    };
    const dealsIn = (path: string) =>
      (JSON.parse(readFileSync(path, 'utf8')) as Array<Partial<PlannedDeal>>).filter(
        (e) => typeof e.deal === 'string',
      );
    const dbPath = join(p.dir, 'rolecall.db');
    const before = writes(p);
    const withDeals = await tagCommand(session, {
      dbPath,
      progress: 'silent',
      dryRun: true,
      plan: join(p.dir, 'with'),
    });
    const planned = dealsIn(withDeals.planPaths!.json);
    expect(withDeals.deals?.labelsWritten).toBeGreaterThan(0);
    expect(planned.reduce((n, d) => n + (d.labels?.length ?? 0), 0)).toBe(withDeals.deals?.labelsWritten);
    const without = await tagCommand(session, {
      dbPath,
      progress: 'silent',
      dryRun: true,
      deals: false,
      plan: join(p.dir, 'without'),
    });
    expect(without.deals).toBeUndefined();
    expect(dealsIn(without.planPaths!.json)).toEqual([]);
    expect(writes(p)).toBe(before);
  }, 60_000);
});

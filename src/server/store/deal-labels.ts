import type { Db, Queryable } from './db.ts';

/** One deal write that HubSpot accepted (a label added or removed, or a deal property). */
export interface DealAuditWrite {
  kind: 'label_add' | 'label_remove' | 'property';
  dealId: string;
  contactId?: string | null;
  typeId?: number | null;
  property?: string | null;
  before?: string | null;
  after?: string | null;
}

export interface DealLabelStore {
  /** Labels rolecall added and still owns on these deals, as `deal:contact:typeId`. */
  owned(portalId: number, dealIds: readonly string[]): Promise<Set<string>>;
  /** Records applied writes under a run and updates which labels rolecall owns (in `q`'s transaction). */
  record(portalId: number, runId: string, writes: readonly DealAuditWrite[], q?: Queryable): Promise<void>;
  /** The deal writes of one deal, oldest first. */
  changes(portalId: number, dealId: string): Promise<(DealAuditWrite & { runId: string; at: number })[]>;
}

/** Per portal: one portal's labels are never read for another's deals. */
export function dealLabelStore(db: Db, clock: () => number = Date.now): DealLabelStore {
  return {
    async owned(portalId, dealIds) {
      const owned = new Set<string>();
      for (const dealId of new Set(dealIds)) {
        const rows = await db.query<{ contact_id: string; type_id: number }>(
          'SELECT contact_id, type_id FROM deal_labels WHERE portal_id = $1 AND deal_id = $2',
          [portalId, dealId],
        );
        for (const row of rows) owned.add(`${dealId}:${row.contact_id}:${Number(row.type_id)}`);
      }
      return owned;
    },

    async record(portalId, runId, writes, q = db) {
      const at = clock();
      for (const w of writes) {
        await q.run(
          `INSERT INTO deal_audit (run_id, portal_id, deal_id, kind, contact_id, type_id, property, before_value, after_value, at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            runId,
            portalId,
            w.dealId,
            w.kind,
            w.contactId ?? null,
            w.typeId ?? null,
            w.property ?? null,
            w.before ?? null,
            w.after ?? null,
            at,
          ],
        );
        if (w.kind === 'label_add') {
          await q.run(
            `INSERT INTO deal_labels (portal_id, deal_id, contact_id, type_id, at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (portal_id, deal_id, contact_id, type_id) DO NOTHING`,
            [portalId, w.dealId, w.contactId, w.typeId, at],
          );
        } else if (w.kind === 'label_remove') {
          await q.run(
            'DELETE FROM deal_labels WHERE portal_id = $1 AND deal_id = $2 AND contact_id = $3 AND type_id = $4',
            [portalId, w.dealId, w.contactId, w.typeId],
          );
        }
      }
    },

    async changes(portalId, dealId) {
      const rows = await db.query<{
        run_id: string;
        kind: DealAuditWrite['kind'];
        contact_id: string | null;
        type_id: number | null;
        property: string | null;
        before_value: string | null;
        after_value: string | null;
        at: number;
      }>(
        `SELECT run_id, kind, contact_id, type_id, property, before_value, after_value, at FROM deal_audit
         WHERE portal_id = $1 AND deal_id = $2 ORDER BY at, run_id`,
        [portalId, dealId],
      );
      return rows.map((r) => ({
        runId: r.run_id,
        kind: r.kind,
        dealId,
        contactId: r.contact_id,
        typeId: r.type_id === null ? null : Number(r.type_id),
        property: r.property,
        before: r.before_value,
        after: r.after_value,
        at: Number(r.at),
      }));
    },
  };
}

import type { Db } from './db.ts';

/**
 * Playbooks per portal, versioned: every save is a new version and nothing is overwritten, so a portal can
 * look back and restore. The text is kept exactly as saved (YAML with its comments, or JSON); checking it
 * is the caller's job (src/playbook) before `saveVersion`.
 */
export interface PlaybookVersion {
  portalId: number;
  version: number;
  format: 'yaml' | 'json';
  body: string;
  /** Who saved it (a HubSpot user id or email from the signed request); null for the CLI or an import. */
  savedBy: string | null;
  /** Epoch ms. */
  savedAt: number;
}

export interface PlaybookStore {
  /** The newest version of the portal's playbook, or null when the portal uses the default. */
  getCurrent(portalId: number): Promise<PlaybookVersion | null>;
  /** Stores a new version (1, 2, 3 …) and returns it. */
  saveVersion(
    portalId: number,
    body: string,
    options: { format: 'yaml' | 'json'; savedBy?: string | null },
  ): Promise<PlaybookVersion>;
  /** Newest first. */
  listVersions(portalId: number, limit?: number): Promise<PlaybookVersion[]>;
  getVersion(portalId: number, version: number): Promise<PlaybookVersion | null>;
}

interface Row {
  portal_id: number;
  version: number;
  format: 'yaml' | 'json';
  body: string;
  saved_by: string | null;
  saved_at: number;
}

const toVersion = (r: Row): PlaybookVersion => ({
  portalId: Number(r.portal_id),
  version: Number(r.version),
  format: r.format,
  body: r.body,
  savedBy: r.saved_by,
  savedAt: Number(r.saved_at),
});

const COLUMNS = 'portal_id, version, format, body, saved_by, saved_at';
/** Advisory-lock namespace for "next version number of portal N". */
const PLAYBOOK_LOCK = 7_103_000_000_000;

/** Every query names the portal: one portal can never read or write another's playbook. */
export function playbookStore(db: Db): PlaybookStore {
  return {
    async getCurrent(portalId) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM playbooks WHERE portal_id = $1 ORDER BY version DESC LIMIT 1`,
        [portalId],
      );
      return rows[0] ? toVersion(rows[0]) : null;
    },
    async saveVersion(portalId, body, options) {
      return db.tx(async (q) => {
        const [last] = await q.query<{ v: number | null }>(
          'SELECT MAX(version) AS v FROM playbooks WHERE portal_id = $1',
          [portalId],
        );
        const version = Number(last?.v ?? 0) + 1;
        const [row] = await q.query<Row>(
          `INSERT INTO playbooks (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
          [portalId, version, options.format, body, options.savedBy ?? null, Date.now()],
        );
        return toVersion(row as Row);
      }, PLAYBOOK_LOCK + portalId);
    },
    async listVersions(portalId, limit = 50) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM playbooks WHERE portal_id = $1 ORDER BY version DESC LIMIT $2`,
        [portalId, limit],
      );
      return rows.map(toVersion);
    },
    async getVersion(portalId, version) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM playbooks WHERE portal_id = $1 AND version = $2`,
        [portalId, version],
      );
      return rows[0] ? toVersion(rows[0]) : null;
    },
  };
}

import type { Db } from './db.ts';
import type { TokenCipher } from './token-crypto.ts';

export type PortalAuth = 'oauth' | 'static';
export type PortalStatus = 'connected' | 'disconnected';

/** A portal as the server sees it; tokens are decrypted only by `tokens()`, never listed. */
export interface Portal {
  portalId: number;
  auth: PortalAuth;
  status: PortalStatus;
  statusReason: string | null;
  scopes: string[];
  hubDomain: string | null;
  /** Epoch ms when the access token expires (OAuth); null for static tokens. */
  expiresAt: number | null;
  installedAt: number;
  updatedAt: number;
}

export interface PortalTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: number | null;
}

export interface InstallInput {
  portalId: number;
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
  scopes: readonly string[];
  hubDomain?: string | null;
  installedBy?: string | null;
}

/** `status_reason` of a portal whose admin uninstalled the app (HubSpot's app-uninstall webhook event). */
export const UNINSTALLED = 'app uninstalled';
/** Every table holding a portal's rows (besides `portals`): what forgetting a portal deletes. Add new ones here. */
export const PORTAL_TABLES = [
  'jobs',
  'seen_events',
  'rate_grants',
  'audit',
  'runs',
  'playbooks',
  'deal_labels',
  'deal_audit',
] as const;
/** How long an uninstalled portal's playbook versions, runs and audit log are kept for a re-install. */
export const UNINSTALLED_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

export interface PortalStore {
  /** Stores (or replaces) a portal's OAuth tokens and marks it connected: a re-install resumes a portal. */
  install(input: InstallInput): Promise<Portal>;
  /** After a refresh: new tokens for a portal that is still connected. */
  saveTokens(
    portalId: number,
    tokens: { accessToken: string; refreshToken: string; expiresAt: number },
  ): Promise<void>;
  /** Refresh refused (`invalid_grant`) or the app was uninstalled: its work stops until it is installed again. */
  disconnect(portalId: number, reason: string): Promise<boolean>;
  /**
   * The app was uninstalled: in one transaction the portal is disconnected, its tokens erased and its queued
   * work (pending and in flight) dropped. Its playbook versions, runs and audit log are kept for a re-install
   * until `forgetUninstalled` removes them. Returns the jobs dropped, or null for a portal rolecall never had.
   */
  uninstall(portalId: number): Promise<number | null>;
  /** Deletes everything of portals uninstalled longer than `olderThanMs` ago (and not installed again). */
  forgetUninstalled(olderThanMs?: number): Promise<number[]>;
  /** Private mode: the portal of the static token (or service key) exists and is connected; no token is stored. */
  ensureStatic(portalId: number): Promise<void>;
  get(portalId: number): Promise<Portal | null>;
  tokens(portalId: number): Promise<PortalTokens | null>;
  list(): Promise<Portal[]>;
}

interface Row {
  portal_id: number;
  auth: PortalAuth;
  status: PortalStatus;
  status_reason: string | null;
  access_token: string | null;
  refresh_token: string | null;
  expires_at: number | null;
  scopes: string;
  hub_domain: string | null;
  installed_at: number;
  updated_at: number;
}

const PUBLIC =
  'portal_id, auth, status, status_reason, expires_at, scopes, hub_domain, installed_at, updated_at';

const toPortal = (r: Row): Portal => ({
  portalId: Number(r.portal_id),
  auth: r.auth,
  status: r.status,
  statusReason: r.status_reason,
  scopes: r.scopes ? r.scopes.split(' ') : [],
  hubDomain: r.hub_domain,
  expiresAt: r.expires_at === null ? null : Number(r.expires_at),
  installedAt: Number(r.installed_at),
  updatedAt: Number(r.updated_at),
});

export function portalStore(db: Db, cipher: TokenCipher): PortalStore {
  const store: PortalStore = {
    async install(input) {
      const now = Date.now();
      // A re-install resumes the portal's waiting work at once.
      await db.run(`UPDATE jobs SET available_at = $2 WHERE portal_id = $1 AND state = 'pending'`, [
        input.portalId,
        now,
      ]);
      const [row] = await db.query<Row>(
        `INSERT INTO portals (portal_id, auth, status, status_reason, access_token, refresh_token, expires_at, scopes,
           hub_domain, installed_by, installed_at, updated_at)
         VALUES ($1, 'oauth', 'connected', NULL, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (portal_id) DO UPDATE SET auth = 'oauth', status = 'connected', status_reason = NULL,
           access_token = excluded.access_token, refresh_token = excluded.refresh_token,
           expires_at = excluded.expires_at, scopes = excluded.scopes, hub_domain = excluded.hub_domain,
           installed_by = excluded.installed_by, updated_at = excluded.updated_at
         RETURNING ${PUBLIC}`,
        [
          input.portalId,
          cipher.seal(input.accessToken),
          cipher.seal(input.refreshToken),
          input.expiresAt,
          input.scopes.join(' '),
          input.hubDomain ?? null,
          input.installedBy ?? null,
          now,
        ],
      );
      return toPortal(row as Row);
    },
    async saveTokens(portalId, tokens) {
      await db.run(
        `UPDATE portals SET access_token = $2, refresh_token = $3, expires_at = $4, updated_at = $5
         WHERE portal_id = $1 AND status = 'connected'`,
        [
          portalId,
          cipher.seal(tokens.accessToken),
          cipher.seal(tokens.refreshToken),
          tokens.expiresAt,
          Date.now(),
        ],
      );
    },
    async disconnect(portalId, reason) {
      const changed = await db.run(
        `UPDATE portals SET status = 'disconnected', status_reason = $2, access_token = NULL, refresh_token = NULL,
           updated_at = $3 WHERE portal_id = $1 AND status = 'connected'`,
        [portalId, reason.slice(0, 300), Date.now()],
      );
      return changed > 0;
    },
    uninstall: (portalId) =>
      db.tx(async (q) => {
        const known = await q.run(
          `UPDATE portals SET status = 'disconnected', status_reason = $2, access_token = NULL, refresh_token = NULL,
             expires_at = NULL, updated_at = $3 WHERE portal_id = $1`,
          [portalId, UNINSTALLED, Date.now()],
        );
        if (known === 0) return null;
        // A worker still holding some of these jobs finds them gone: its write fence stops it unsent.
        return q.run('DELETE FROM jobs WHERE portal_id = $1', [portalId]);
      }),
    async forgetUninstalled(olderThanMs = UNINSTALLED_RETENTION_MS) {
      const cutoff = Date.now() - olderThanMs;
      const rows = await db.query<{ portal_id: number }>(
        `SELECT portal_id FROM portals WHERE status = 'disconnected' AND status_reason = $1 AND updated_at < $2`,
        [UNINSTALLED, cutoff],
      );
      const forgotten: number[] = [];
      for (const { portal_id } of rows) {
        const portalId = Number(portal_id);
        await db.tx(async (q) => {
          // Still uninstalled (not installed again meanwhile by another process)?
          const gone = await q.run(
            `DELETE FROM portals WHERE portal_id = $1 AND status = 'disconnected' AND status_reason = $2`,
            [portalId, UNINSTALLED],
          );
          if (gone === 0) return;
          for (const table of PORTAL_TABLES)
            await q.run(`DELETE FROM ${table} WHERE portal_id = $1`, [portalId]);
          forgotten.push(portalId);
        });
      }
      return forgotten;
    },
    async ensureStatic(portalId) {
      const now = Date.now();
      await db.run(
        `INSERT INTO portals (portal_id, auth, status, installed_at, updated_at) VALUES ($1, 'static', 'connected', $2, $2)
         ON CONFLICT (portal_id) DO NOTHING`,
        [portalId, now],
      );
    },
    async get(portalId) {
      const rows = await db.query<Row>(`SELECT ${PUBLIC} FROM portals WHERE portal_id = $1`, [portalId]);
      return rows[0] ? toPortal(rows[0]) : null;
    },
    async tokens(portalId) {
      const rows = await db.query<Row>(
        `SELECT access_token, refresh_token, expires_at FROM portals WHERE portal_id = $1 AND status = 'connected'`,
        [portalId],
      );
      const row = rows[0];
      if (!row?.access_token) return null;
      return {
        accessToken: cipher.open(row.access_token),
        refreshToken: row.refresh_token ? cipher.open(row.refresh_token) : null,
        expiresAt: row.expires_at === null ? null : Number(row.expires_at),
      };
    },
    async list() {
      const rows = await db.query<Row>(`SELECT ${PUBLIC} FROM portals ORDER BY portal_id`);
      return rows.map(toPortal);
    },
  };
  return store;
}

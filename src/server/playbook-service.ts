import { parse as parseYaml } from 'yaml';
import { loadPlaybookData, loadPlaybookText } from '../playbook/load.ts';
import { stalePersonas } from '../playbook/review.ts';
import type { Playbook } from '../playbook/schema.ts';
import { checkDocument, diffPlaybooks, type PlaybookChange } from '../playbook/versions.ts';
import type { PlaybookStore, PlaybookVersion } from './store/playbooks.ts';
import { boundClassify, type ClassifyFn } from './tagger.ts';

/**
 * A portal's playbook as every surface of the backend uses it: the newest saved version, or the embedded
 * default (version 0) when the portal has saved none. Saves are checked exactly as `rolecall playbook
 * check` checks a file, and only a valid playbook becomes a version. Versions are never changed: a restore
 * saves the old content again as the newest version.
 */

export interface CurrentPlaybook {
  /** 0: the embedded default; 1, 2, …: the portal's saved versions. */
  version: number;
  playbook: Playbook;
  /** The document as saved (what the settings page edits). */
  data: unknown;
  savedBy: string | null;
  savedAt: number | null;
}

export type SaveOutcome =
  | { ok: true; version: number; warnings: { path: string; message: string }[] }
  | { ok: false; errors: { path: string; message: string }[] };

export interface PlaybookService {
  current(portalId: number): Promise<CurrentPlaybook>;
  /** Checks and stores a document (object) or YAML/JSON text as the portal's newest version. */
  save(
    portalId: number,
    input: { data?: unknown; text?: string },
    savedBy: string | null,
  ): Promise<SaveOutcome>;
  list(portalId: number): Promise<{ version: number; savedBy: string | null; savedAt: number }[]>;
  get(portalId: number, version: number): Promise<CurrentPlaybook | null>;
  diff(portalId: number, from: number, to: number): Promise<PlaybookChange[] | null>;
  restore(portalId: number, version: number, savedBy: string | null): Promise<SaveOutcome | null>;
  /** classify() bound to the portal's current playbook: the next call after a save uses the new version. */
  classifyFor(portalId: number): Promise<ClassifyFn>;
}

const today = (now: () => number) => new Date(now()).toISOString().slice(0, 10);
const plain = (issues: readonly { path: string; message: string }[]) =>
  issues.map((i) => ({ path: i.path, message: i.message }));

export function playbookService(
  store: PlaybookStore,
  fallback: Playbook,
  fallbackData: unknown,
  now: () => number = Date.now,
): PlaybookService {
  // Parsed versions by portal, so a card render or a webhook batch does not re-check an unchanged playbook.
  const parsed = new Map<string, { playbook: Playbook; data: unknown }>();

  function open(row: PlaybookVersion): { playbook: Playbook; data: unknown } | null {
    const key = `${row.portalId}:${row.version}`;
    const hit = parsed.get(key);
    if (hit) return hit;
    let data: unknown;
    try {
      data = row.format === 'json' ? JSON.parse(row.body) : undefined;
    } catch {
      return null;
    }
    const loaded =
      row.format === 'json'
        ? loadPlaybookData(data, 'portal playbook')
        : loadPlaybookText(row.body, 'portal playbook');
    if (!loaded.value) return null;
    const entry = { playbook: loaded.value, data: data ?? loaded.value };
    parsed.set(key, entry);
    return entry;
  }

  const asCurrent = (row: PlaybookVersion): CurrentPlaybook | null => {
    const entry = open(row);
    return entry ? { version: row.version, ...entry, savedBy: row.savedBy, savedAt: row.savedAt } : null;
  };
  const defaults = (): CurrentPlaybook => ({
    version: 0,
    playbook: fallback,
    data: fallbackData,
    savedBy: null,
    savedAt: null,
  });

  const service: PlaybookService = {
    async current(portalId) {
      const row = await store.getCurrent(portalId);
      return (row && asCurrent(row)) ?? defaults();
    },
    async save(portalId, input, savedBy) {
      let data = input.data;
      if (input.text !== undefined) {
        const loaded = loadPlaybookText(input.text, 'imported playbook', { today: today(now) });
        if (!loaded.value) return { ok: false, errors: plain(loaded.errors) };
        data = input.text.trimStart().startsWith('{') ? JSON.parse(input.text) : parseYaml(input.text);
      }
      const checked = checkDocument(data, 'playbook', today(now));
      if (!checked.value) return { ok: false, errors: plain(checked.errors) };
      const row = await store.saveVersion(portalId, JSON.stringify(data), { format: 'json', savedBy });
      return { ok: true, version: row.version, warnings: plain(checked.warnings) };
    },
    async list(portalId) {
      const rows = await store.listVersions(portalId, 100);
      return rows.map((r) => ({ version: r.version, savedBy: r.savedBy, savedAt: r.savedAt }));
    },
    async get(portalId, version) {
      if (version === 0) return defaults();
      const row = await store.getVersion(portalId, version);
      return row ? asCurrent(row) : null;
    },
    async diff(portalId, from, to) {
      const [a, b] = await Promise.all([service.get(portalId, from), service.get(portalId, to)]);
      return a && b ? diffPlaybooks(a.data, b.data) : null;
    },
    async restore(portalId, version, savedBy) {
      const old = await service.get(portalId, version);
      return old ? service.save(portalId, { data: old.data }, savedBy) : null;
    },
    async classifyFor(portalId) {
      const { playbook } = await service.current(portalId);
      return boundClassify(playbook);
    },
  };
  return service;
}

/** The review state the settings page shows beside the playbook. */
export const reviewOf = (playbook: Playbook, at: number) => stalePersonas(playbook, new Date(at));

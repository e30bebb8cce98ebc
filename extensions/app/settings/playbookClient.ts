import { hubspot } from '@hubspot/ui-extensions';
import type { PlaybookChange } from '@rolecall/core';

/** rolecall's backend; must be listed in app-hsmeta.json `permittedUrls.fetch` (local.json proxies it in dev). */
export const BACKEND_URL = 'https://rolecall.example.com';

export interface FieldIssue {
  path: string;
  message: string;
}

export interface CurrentPlaybookReply {
  version: number;
  savedBy: string | null;
  savedAt: number | null;
  playbook: unknown;
}

export interface VersionRow {
  version: number;
  savedBy: string | null;
  savedAt: number;
}

export type SaveReply = { ok: true; version: number } | { ok: false; errors: FieldIssue[] };

async function call<T>(
  path: string,
  init: { method?: 'GET' | 'PUT' | 'POST'; body?: unknown } = {},
): Promise<T> {
  const response = await hubspot.fetch(`${BACKEND_URL}${path}`, {
    method: init.method ?? 'GET',
    timeout: 15_000,
    ...(init.body === undefined ? {} : { body: init.body as Record<string, unknown> }),
  });
  if (response.status === 422) return (await response.json()) as T;
  if (!response.ok) throw new Error(`rolecall answered ${response.status}`);
  return (await response.json()) as T;
}

/** The portal's playbook as every surface uses it now (version 0: the embedded default). */
export const fetchCurrentPlaybook = () => call<CurrentPlaybookReply>('/api/playbook');
/** Saves a new version; the backend checks it as `rolecall playbook check` does and stores nothing invalid. */
export const savePlaybook = (playbook: unknown) =>
  call<SaveReply>('/api/playbook', { method: 'PUT', body: { playbook } });
export const listVersions = async () =>
  (await call<{ versions: VersionRow[] }>('/api/playbook/versions')).versions;
export const diffVersions = async (from: number, to: number) =>
  (await call<{ changes: PlaybookChange[] }>(`/api/playbook/diff?from=${from}&to=${to}`)).changes;
export const restoreVersion = (version: number) =>
  call<SaveReply>('/api/playbook/restore', { method: 'POST', body: { version } });
/** The portal's current version as YAML, for a repository. */
export async function exportYaml(): Promise<string> {
  const response = await hubspot.fetch(`${BACKEND_URL}/api/playbook/export`, {
    method: 'GET',
    timeout: 15_000,
  });
  if (!response.ok) throw new Error(`rolecall answered ${response.status}`);
  return response.text();
}
/** Saves YAML (from a repository) as a new version; the backend checks it as `rolecall playbook check` does. */
export const importYaml = (yaml: string) =>
  call<SaveReply>('/api/playbook', { method: 'PUT', body: { yaml } });

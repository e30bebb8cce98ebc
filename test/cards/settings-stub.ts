import { hubspot } from '@hubspot/ui-extensions';
import { vi } from 'vitest';
import { parse, stringify } from 'yaml';
import defaultData from '../../src/playbook/default-playbook.json' with { type: 'json' };

/** A stand-in for the backend's /api/playbook routes behind hubspot.fetch: what was sent, and canned replies. */
export interface PlaybookBackendStub {
  /** Bodies of every PUT /api/playbook, in order. */
  saved: unknown[];
  /** Set to answer the next PUT with 422 and these errors. */
  refuse: { path: string; message: string }[] | null;
  calls: string[];
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function stubPlaybookBackend(
  options: { fail?: boolean; playbook?: unknown } = {},
): PlaybookBackendStub {
  const stub: PlaybookBackendStub = { saved: [], refuse: null, calls: [] };
  let current = {
    version: 0,
    savedBy: null as string | null,
    savedAt: null as number | null,
    playbook: (options.playbook ?? defaultData) as unknown,
  };
  vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, init) => {
    const method = init?.method ?? 'GET';
    const path = String(url).replace(/^https:\/\/[^/]+/, '');
    stub.calls.push(`${method} ${path}`);
    if (options.fail) throw new Error('backend down');
    if (method === 'GET' && path === '/api/playbook') return json(current);
    if (method === 'GET' && path === '/api/playbook/versions') return json({ versions: [] });
    if (method === 'GET' && path === '/api/playbook/export')
      return new Response(stringify(current.playbook), { headers: { 'content-type': 'application/yaml' } });
    if (method === 'PUT' && path === '/api/playbook') {
      const sent = (init?.body ?? {}) as { playbook?: unknown; yaml?: string };
      const body = { playbook: sent.yaml === undefined ? sent.playbook : parse(sent.yaml) };
      if (stub.refuse) {
        const errors = stub.refuse;
        stub.refuse = null;
        return json({ ok: false, errors }, 422);
      }
      stub.saved.push(body.playbook);
      current = {
        version: current.version + 1,
        savedBy: 'pmm@example.com',
        savedAt: Date.now(),
        playbook: body.playbook,
      };
      return json({ ok: true, version: current.version, warnings: [] });
    }
    return json({ status: 'error' }, 404);
  });
  return stub;
}

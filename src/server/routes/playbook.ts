import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toYaml } from '../../playbook/versions.ts';
import type { PlaybookService } from '../playbook-service.ts';
import { reviewOf } from '../playbook-service.ts';
import { parseJson, signedCaller, type VerifyContext, verifyOrReject } from '../verify-request.ts';

/**
 * The portal's playbook for the settings page (`hubspot.fetch`, signed v3) and `rolecall playbook pull|push`:
 * read, save a new version (checked like `rolecall playbook check`; nothing invalid is stored), list, read
 * one, compare two, restore one, export YAML. The portal comes from the signed query, never from the body.
 */
export interface PlaybookRouteDeps {
  verify: VerifyContext;
  playbooks: PlaybookService;
  now: () => Date;
}

const userOf = (query: unknown): string | null => {
  const q = (query ?? {}) as Record<string, unknown>;
  if (typeof q.userEmail === 'string' && q.userEmail.includes('@')) return q.userEmail.slice(0, 200);
  return signedCaller(query).userId;
};

export function registerPlaybookRoutes(app: FastifyInstance, deps: PlaybookRouteDeps): void {
  /** The caller's portal once the signature holds; replies and returns null otherwise. */
  const portalOf = (request: FastifyRequest, reply: FastifyReply): number | null => {
    if (!verifyOrReject(request, reply, deps.verify, ['v3'])) return null;
    const { portalId } = signedCaller(request.query);
    if (portalId === null) {
      void reply
        .code(400)
        .send({ status: 'error', message: 'The request names no portalId; call it through hubspot.fetch.' });
      return null;
    }
    return portalId;
  };
  const versionParam = (value: unknown): number | null =>
    typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : null;

  app.get('/api/playbook', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const current = await deps.playbooks.current(portalId);
    return {
      version: current.version,
      savedBy: current.savedBy,
      savedAt: current.savedAt,
      playbook: current.data,
      stale: reviewOf(current.playbook, deps.now().getTime()),
    };
  });

  app.put('/api/playbook', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const body = parseJson(request.body);
    const value = body.ok ? (body.value as Record<string, unknown> | null) : null;
    const input =
      value && typeof value.yaml === 'string'
        ? { text: value.yaml }
        : value && 'playbook' in value
          ? { data: value.playbook }
          : null;
    if (!input) {
      return reply.code(400).send({
        status: 'error',
        message: 'Send {"playbook": {...}} or {"yaml": "..."} as JSON.',
      });
    }
    const outcome = await deps.playbooks.save(portalId, input, userOf(request.query));
    return outcome.ok ? outcome : reply.code(422).send(outcome);
  });

  app.get('/api/playbook/versions', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    return { versions: await deps.playbooks.list(portalId) };
  });

  app.get('/api/playbook/versions/:version', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const version = versionParam((request.params as Record<string, unknown>).version);
    const found = version === null ? null : await deps.playbooks.get(portalId, version);
    if (!found)
      return reply.code(404).send({ status: 'error', message: 'No such version; list them first.' });
    return { version: found.version, savedBy: found.savedBy, savedAt: found.savedAt, playbook: found.data };
  });

  app.get('/api/playbook/diff', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const q = request.query as Record<string, unknown>;
    const from = versionParam(q.from);
    const to = versionParam(q.to);
    const changes = from === null || to === null ? null : await deps.playbooks.diff(portalId, from, to);
    if (!changes)
      return reply.code(404).send({ status: 'error', message: 'Give ?from=N&to=M of existing versions.' });
    return { from, to, changes };
  });

  app.post('/api/playbook/restore', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const body = parseJson(request.body);
    const version = body.ok
      ? versionParam(String((body.value as Record<string, unknown> | null)?.version ?? ''))
      : null;
    const outcome =
      version === null ? null : await deps.playbooks.restore(portalId, version, userOf(request.query));
    if (!outcome)
      return reply
        .code(404)
        .send({ status: 'error', message: 'Send {"version": N} of an existing version.' });
    return outcome.ok ? outcome : reply.code(422).send(outcome);
  });

  app.get('/api/playbook/export', async (request, reply) => {
    const portalId = portalOf(request, reply);
    if (portalId === null) return reply;
    const current = await deps.playbooks.current(portalId);
    return reply.type('application/yaml').send(toYaml(current.data));
  });
}

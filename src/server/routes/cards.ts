import type { FastifyInstance } from 'fastify';
import { classify } from '../../classify/classify.ts';
import { addToDeal } from '../../functions/deal-add.ts';
import { dealBuyingGroup, openDeals } from '../../functions/deal-group.ts';
import { buyingGroup } from '../../functions/group.ts';
import { saveClassification } from '../../functions/save.ts';
import type { Playbook } from '../../playbook/schema.ts';
import { parseJson, signedCaller, verifyOrReject } from '../verify-request.ts';
import type { SignedRouteOptions } from './route-options.ts';
import { PRIVATE_PORTAL } from './webhooks.ts';

export interface CardRouteOptions extends SignedRouteOptions {
  /** The playbook a portal's cards use (its own saved version, or the server's). */
  playbookFor: (portalId: number) => Promise<Playbook>;
}

/**
 * The cards of the marketplace build reach rolecall through `hubspot.fetch` (OAuth apps cannot have app
 * functions): the same save and buying-group handlers as the app functions, run with the portal's own
 * connection. The portal comes only from the signed request, so a card in portal A can never reach B.
 */
export function registerCardRoutes(app: FastifyInstance, options: CardRouteOptions): void {
  const portalOf = async (
    request: Parameters<typeof verifyOrReject>[0],
    reply: Parameters<typeof verifyOrReject>[1],
  ) => {
    if (!verifyOrReject(request, reply, options.verify, ['v3'])) return null;
    const caller = signedCaller(request.query);
    if (options.ports.mode === 'oauth' && caller.portalId === null) {
      void reply.code(400).send({
        ok: false,
        errors: ['The request has no portalId; HubSpot adds it to hubspot.fetch calls.'],
      });
      return null;
    }
    const portalId = caller.portalId ?? PRIVATE_PORTAL;
    const gateway = await options.ports.gatewayFor?.(portalId);
    if (!gateway) {
      void reply.code(403).send({
        ok: false,
        code: 'disconnected',
        errors: ['Rolecall is not connected to this HubSpot account; install the app again.'],
      });
      return null;
    }
    const json = parseJson(request.body);
    return { portalId, userId: caller.userId, gateway, parameters: json.ok ? json.value : undefined };
  };

  app.post('/api/cards/save-classification', async (request, reply) => {
    const caller = await portalOf(request, reply);
    if (!caller) return reply;
    const startedAt = options.now().getTime();
    const playbook = await options.playbookFor(caller.portalId);
    const result = await saveClassification(caller.parameters, {
      gateway: caller.gateway,
      playbook,
      classify,
      now: options.now,
    });
    if (result.ok) {
      const contactId = String((caller.parameters as { contactId?: unknown }).contactId ?? '');
      await options.store.audit.record({
        portalId: caller.portalId,
        source: 'card',
        startedAt,
        contacts: 1,
        failed: 0,
        userId: caller.userId,
        changes: result.written.map((property) => ({ contactId, property, before: null, after: null })),
      });
    }
    return reply.send(result);
  });

  app.post('/api/cards/buying-group', async (request, reply) => {
    const caller = await portalOf(request, reply);
    if (!caller) return reply;
    const playbook = await options.playbookFor(caller.portalId);
    return reply.send(await buyingGroup(caller.parameters, { gateway: caller.gateway, playbook }));
  });

  // The deal card, the add-to-deal click and the open-deal lines of the contact and company cards.
  const dealRoutes = {
    'deal-buying-group': dealBuyingGroup,
    'add-to-deal': addToDeal,
    'open-deals': openDeals,
  };
  for (const [route, handler] of Object.entries(dealRoutes)) {
    app.post(`/api/cards/${route}`, async (request, reply) => {
      const caller = await portalOf(request, reply);
      if (!caller) return reply;
      const playbook = await options.playbookFor(caller.portalId);
      // The labels rolecall's runs and webhooks own in this portal: any other label is a person's.
      const owned = (dealIds: readonly string[]) => options.store.dealLabels.owned(caller.portalId, dealIds);
      return reply.send(
        await handler(caller.parameters, { gateway: caller.gateway, playbook, now: options.now, owned }),
      );
    });
  }
}

import { defaultPlaybook } from '../../src/core.ts';
import { createGateway, type Gateway } from '../../src/hubspot/gateway.ts';
import { setupPortal } from '../../src/hubspot/setup.ts';
import { type Sandbox, startSandbox } from '../../src/sandbox/index.ts';

/** A sandbox portal with rolecall's properties set up, as `rolecall setup` leaves a real one. */
export interface Portal {
  sandbox: Sandbox;
  gateway: Gateway;
  createCompany(properties: Record<string, string>): Promise<string>;
  createContact(properties: Record<string, string>, companyId?: string): Promise<string>;
  contact(id: string): Record<string, string | null | undefined>;
  close(): Promise<void>;
}

export async function startPortal(): Promise<Portal> {
  const sandbox = await startSandbox({ port: 0, contacts: 0, rateLimit: false });
  const gateway = createGateway({ accessToken: sandbox.token, baseUrl: sandbox.baseUrl });
  const setup = await setupPortal(gateway, defaultPlaybook, false);
  if (setup.error) throw new Error(`sandbox setup failed: ${setup.error.message}`);
  async function create(type: 'contacts' | 'companies', body: unknown): Promise<string> {
    const result = await gateway.transport.send<{ id: string }>({
      method: 'POST',
      path: `/crm/v3/objects/${type}`,
      body,
      what: `creating a ${type} record`,
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.body.id;
  }
  return {
    sandbox,
    gateway,
    createCompany: (properties) => create('companies', { properties }),
    createContact: (properties, companyId) =>
      create('contacts', {
        properties,
        associations: companyId
          ? [
              {
                to: { id: companyId },
                types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 1 }],
              },
            ]
          : [],
      }),
    contact: (id) =>
      (sandbox.store.getContact(id)?.properties ?? {}) as Record<string, string | null | undefined>,
    close: () => sandbox.close(),
  };
}

import type { HubSpotResult } from './errors.ts';
import type { PropertyDefinition, PropertyGroup } from './records.ts';
import type { Transport } from './transport.ts';

type ObjectType = 'contacts' | 'companies' | 'deals';

/** Property and property-group reads and writes (definitions, not values). */
export interface PropertyApi {
  getGroup(objectType: ObjectType, name: string): Promise<HubSpotResult<PropertyGroup | undefined>>;
  createGroup(objectType: ObjectType, group: PropertyGroup): Promise<HubSpotResult<PropertyGroup>>;
  getProperty(objectType: ObjectType, name: string): Promise<HubSpotResult<PropertyDefinition | undefined>>;
  createProperty(
    objectType: ObjectType,
    property: PropertyDefinition,
  ): Promise<HubSpotResult<PropertyDefinition>>;
  updateProperty(
    objectType: ObjectType,
    name: string,
    patch: Partial<Omit<PropertyDefinition, 'name'>>,
  ): Promise<HubSpotResult<PropertyDefinition>>;
}

export function createPropertyApi(transport: Transport): PropertyApi {
  async function getOptional<T>(path: string, what: string): Promise<HubSpotResult<T | undefined>> {
    const result = await transport.send<T>({ method: 'GET', path, what });
    if (result.ok) return { ok: true, value: result.value.body };
    if (result.error.kind === 'not_found') return { ok: true, value: undefined };
    return result;
  }
  async function write<T>(method: 'POST' | 'PATCH', path: string, body: unknown, what: string) {
    const result = await transport.send<T>({ method, path, body, what });
    return result.ok ? { ok: true as const, value: result.value.body } : result;
  }
  const enc = encodeURIComponent;
  return {
    getGroup: (type, name) =>
      getOptional(`/crm/v3/properties/${type}/groups/${enc(name)}`, `reading property group "${name}"`),
    createGroup: (type, group) =>
      write('POST', `/crm/v3/properties/${type}/groups`, group, `creating property group "${group.name}"`),
    getProperty: (type, name) =>
      getOptional(`/crm/v3/properties/${type}/${enc(name)}`, `reading property "${name}"`),
    createProperty: (type, property) =>
      write('POST', `/crm/v3/properties/${type}`, property, `creating property "${property.name}"`),
    updateProperty: (type, name, patch) =>
      write('PATCH', `/crm/v3/properties/${type}/${enc(name)}`, patch, `updating property "${name}"`),
  };
}

import type { CrmRecord } from '../hubspot/records.ts';
import { type ContactSnapshot, personSetProperties } from './plan.ts';

/** What the planner needs to know about a contact as HubSpot has it now. */
export function toSnapshot(record: CrmRecord): ContactSnapshot {
  return {
    id: record.id,
    properties: record.properties,
    setByPerson: personSetProperties(record.propertiesWithHistory),
  };
}

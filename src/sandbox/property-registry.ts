import { builtinGroups, builtinProperties } from './builtin-properties.ts';
import { ApiError, conflict, resourceNotFound, validationError } from './errors.ts';
import { checkShape, pickStrings } from './property-shape.ts';
import {
  OBJECT_TYPES,
  type ObjectType,
  type PropertyDefinition,
  type PropertyGroup,
} from './property-types.ts';

const NAME = /^[a-z][a-z0-9_]*$/;
const MAX_UNIQUE = 10;

/** Property definitions and groups of one portal; every change is validated like HubSpot's v3 API. */
export class PropertyRegistry {
  readonly properties = new Map<ObjectType, Map<string, PropertyDefinition>>();
  readonly groups = new Map<ObjectType, Map<string, PropertyGroup>>();

  constructor() {
    for (const type of OBJECT_TYPES) {
      this.properties.set(type, new Map(builtinProperties(type).map((p) => [p.name, p])));
      this.groups.set(type, new Map(builtinGroups(type).map((g) => [g.name, g])));
    }
  }

  defs(type: ObjectType): Map<string, PropertyDefinition> {
    return this.properties.get(type) as Map<string, PropertyDefinition>;
  }

  groupMap(type: ObjectType): Map<string, PropertyGroup> {
    return this.groups.get(type) as Map<string, PropertyGroup>;
  }

  get(type: ObjectType, name: string): PropertyDefinition | ApiError {
    const def = this.defs(type).get(name);
    return def ?? resourceNotFound(`Unable to find property ${name} for object type ${type}.`);
  }

  create(type: ObjectType, input: Record<string, unknown>, now: number): PropertyDefinition | ApiError {
    const missing = ['name', 'label', 'type', 'fieldType', 'groupName'].filter(
      (k) => typeof input[k] !== 'string',
    );
    if (missing.length > 0) return validationError(`Missing required fields: ${missing.join(', ')}`);
    const name = input.name as string;
    if (!NAME.test(name)) {
      return validationError(
        `Property name "${name}" is invalid: use lowercase letters, digits and underscores.`,
      );
    }
    if (this.defs(type).has(name)) {
      return conflict(`A property named '${name}' already exists.`);
    }
    const shape = checkShape(input.type as string, input.fieldType as string, input.options);
    if (!Array.isArray(shape)) return shape;
    if (!this.groupMap(type).has(input.groupName as string)) {
      return validationError(`Property group ${input.groupName} does not exist.`);
    }
    const unique = input.hasUniqueValue === true;
    if (unique && [...this.defs(type).values()].filter((d) => d.hasUniqueValue).length >= MAX_UNIQUE) {
      return validationError(`At most ${MAX_UNIQUE} properties with unique values are allowed per object.`);
    }
    const at = new Date(now).toISOString();
    const def: PropertyDefinition = {
      name,
      label: input.label as string,
      type: input.type as string,
      fieldType: input.fieldType as string,
      groupName: input.groupName as string,
      description: typeof input.description === 'string' ? input.description : '',
      displayOrder: typeof input.displayOrder === 'number' ? input.displayOrder : -1,
      hasUniqueValue: unique,
      hidden: input.hidden === true,
      formField: input.formField === true,
      calculated: false,
      externalOptions: false,
      hubspotDefined: false,
      options: shape,
      modificationMetadata: {
        archivable: true,
        readOnlyDefinition: false,
        readOnlyOptions: false,
        readOnlyValue: false,
      },
      createdAt: at,
      updatedAt: at,
      archived: false,
    };
    this.defs(type).set(name, def);
    return def;
  }

  update(
    type: ObjectType,
    name: string,
    input: Record<string, unknown>,
    now: number,
  ): PropertyDefinition | ApiError {
    const def = this.get(type, name);
    if (def instanceof ApiError) return def;
    if ('hasUniqueValue' in input && input.hasUniqueValue !== def.hasUniqueValue) {
      return validationError('hasUniqueValue cannot be changed once set.');
    }
    if (def.modificationMetadata.readOnlyDefinition && (input.type || input.fieldType || input.label)) {
      return validationError(`Property ${name} is defined by HubSpot; only its options can be changed.`);
    }
    const type2 = typeof input.type === 'string' ? input.type : def.type;
    const field2 = typeof input.fieldType === 'string' ? input.fieldType : def.fieldType;
    const options = 'options' in input ? input.options : def.options;
    if ('options' in input && def.modificationMetadata.readOnlyOptions) {
      return validationError(`The options of ${name} are read-only.`);
    }
    const shape = checkShape(type2, field2, options);
    if (!Array.isArray(shape)) return shape;
    if (typeof input.groupName === 'string' && !this.groupMap(type).has(input.groupName)) {
      return validationError(`Property group ${input.groupName} does not exist.`);
    }
    Object.assign(def, {
      ...pickStrings(input, ['label', 'description', 'groupName']),
      type: type2,
      fieldType: field2,
      options: shape, // a PATCH with options replaces the whole list (unconfirmed at HubSpot)
      updatedAt: new Date(now).toISOString(),
    });
    if (typeof input.hidden === 'boolean') def.hidden = input.hidden;
    if (typeof input.displayOrder === 'number') def.displayOrder = input.displayOrder;
    return def;
  }

  archive(type: ObjectType, name: string, now: number): true | ApiError {
    const def = this.get(type, name);
    if (def instanceof ApiError) return def;
    if (!def.modificationMetadata.archivable) return validationError(`Property ${name} cannot be archived.`);
    def.archived = true;
    def.archivedAt = new Date(now).toISOString();
    return true;
  }

  createGroup(type: ObjectType, input: Record<string, unknown>): PropertyGroup | ApiError {
    if (typeof input.name !== 'string' || typeof input.label !== 'string') {
      return validationError('A property group needs a name and a label.');
    }
    if (!NAME.test(input.name)) return validationError(`Group name "${input.name}" is invalid.`);
    if (this.groupMap(type).has(input.name))
      return conflict(`A property group named '${input.name}' already exists.`);
    const group: PropertyGroup = {
      name: input.name,
      label: input.label,
      displayOrder: typeof input.displayOrder === 'number' ? input.displayOrder : -1,
      archived: false,
    };
    this.groupMap(type).set(group.name, group);
    return group;
  }

  getGroup(type: ObjectType, name: string): PropertyGroup | ApiError {
    return (
      this.groupMap(type).get(name) ?? resourceNotFound(`Unable to find property group ${name} for ${type}.`)
    );
  }
}

import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ObjectType, PropertyDefinition, PropertyGroup } from './property-types.ts';
import type { CrmRecord } from './record.ts';
import { SandboxStore } from './store.ts';

/** Dataset files are JSON lines: one header, then one line per record; written and read as streams. */
interface Header {
  format: 'rolecall-sandbox';
  version: 1;
  portalId: number;
  appId: number;
  properties: Record<ObjectType, PropertyDefinition[]>;
  groups: Record<ObjectType, PropertyGroup[]>;
}

interface Line {
  t: 'c' | 'o';
  id: number;
  c: number;
  u: number;
  a?: number;
  p: Record<string, string>;
  h?: CrmRecord['history'];
  co?: number;
  l?: number[];
}

export async function saveStore(store: SandboxStore, file: string): Promise<void> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const header: Header = {
    format: 'rolecall-sandbox',
    version: 1,
    portalId: store.portalId,
    appId: store.appId,
    properties: {
      contacts: [...store.registry.defs('contacts').values()],
      companies: [...store.registry.defs('companies').values()],
    },
    groups: {
      contacts: [...store.registry.groupMap('contacts').values()],
      companies: [...store.registry.groupMap('companies').values()],
    },
  };
  await write(`${JSON.stringify(header)}\n`);
  for (const [tag, table] of [
    ['o', store.companies],
    ['c', store.contacts],
  ] as const) {
    let chunk = '';
    for (const r of table.records) {
      const line: Line = { t: tag, id: r.id, c: r.createdAt, u: r.updatedAt, p: compact(r.props) };
      if (r.archivedAt) line.a = r.archivedAt;
      if (r.history) line.h = r.history;
      if (r.company) line.co = r.company;
      if (r.links) line.l = r.links;
      chunk += `${JSON.stringify(line)}\n`;
      if (chunk.length > 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
  }
  out.end();
  await once(out, 'finish');
}

function compact(props: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) if (v !== '') out[k] = v;
  return out;
}

/** Reads a saved dataset; a malformed file is reported with its line number (a thrown Error, for the caller to show). */
export async function loadStore(file: string): Promise<SandboxStore> {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let store: SandboxStore | undefined;
  let n = 0;
  for await (const text of lines) {
    n += 1;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error(
        `${file}:${n}: not valid JSON; the file is damaged. Save a fresh one with "rolecall sandbox --save ${file}".`,
      );
    }
    if (!store) {
      const header = value as Header;
      if (header?.format !== 'rolecall-sandbox' || header.version !== 1) {
        throw new Error(
          `${file}: not a rolecall sandbox dataset (missing header line); create one with "rolecall sandbox --save".`,
        );
      }
      store = new SandboxStore(header.portalId, header.appId);
      for (const type of ['contacts', 'companies'] as const) {
        store.registry.properties.set(type, new Map(header.properties[type].map((p) => [p.name, p])));
        store.registry.groups.set(type, new Map(header.groups[type].map((g) => [g.name, g])));
      }
      continue;
    }
    const line = value as Line;
    const table = line.t === 'c' ? store.contacts : store.companies;
    if (line.id !== table.idBase + table.size) throw new Error(`${file}:${n}: record ids are out of order.`);
    const record = table.insert(line.p, line.c, line.co ?? 0);
    record.updatedAt = line.u;
    if (line.a) record.archivedAt = line.a;
    if (line.h) record.history = line.h;
    if (line.l) record.links = line.l;
  }
  if (!store)
    throw new Error(`${file}: the file is empty; create one with "rolecall sandbox --save ${file}".`);
  return store;
}

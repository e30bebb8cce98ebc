import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  OBJECT_TYPES,
  type ObjectType,
  type PropertyDefinition,
  type PropertyGroup,
} from './property-types.ts';
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
  labels?: ReturnType<SandboxStore['labels']['dump']>;
  labelLimit?: number;
}

/** Record lines: `t` is the table's tag; edges of the association graph are `e` lines. */
const TAGS: Record<string, ObjectType> = {
  o: 'companies',
  c: 'contacts',
  d: 'deals',
  k: 'calls',
  m: 'meetings',
  e2: 'emails',
};
const TAG_OF = Object.fromEntries(Object.entries(TAGS).map(([k, v]) => [v, k])) as Record<ObjectType, string>;

interface EdgeLine {
  t: 'e';
  f: ObjectType;
  to: ObjectType;
  a: number;
  b: number;
  ty: number[];
}

interface Line {
  t: string;
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
    properties: Object.fromEntries(
      OBJECT_TYPES.map((t) => [t, [...store.registry.defs(t).values()]]),
    ) as Header['properties'],
    groups: Object.fromEntries(
      OBJECT_TYPES.map((t) => [t, [...store.registry.groupMap(t).values()]]),
    ) as Header['groups'],
    labels: store.labels.dump(),
    labelLimit: store.labels.limit,
  };
  await write(`${JSON.stringify(header)}\n`);
  for (const type of ['companies', 'contacts', 'deals', 'calls', 'meetings', 'emails'] as const) {
    const tag = TAG_OF[type];
    const table = store.table(type);
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
  let edges = '';
  for (const [f, to, a, b, ty] of store.graph.entries()) {
    const line: EdgeLine = { t: 'e', f, to, a, b, ty };
    edges += `${JSON.stringify(line)}\n`;
    if (edges.length > 1 << 16) {
      await write(edges);
      edges = '';
    }
  }
  if (edges) await write(edges);
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
      for (const type of OBJECT_TYPES) {
        // Datasets saved before deals existed keep the built-in definitions of the newer types.
        const props = header.properties[type];
        const groups = header.groups[type];
        if (props) store.registry.properties.set(type, new Map(props.map((p) => [p.name, p])));
        if (groups) store.registry.groups.set(type, new Map(groups.map((g) => [g.name, g])));
      }
      if (header.labels) store.labels.load(header.labels);
      if (header.labelLimit !== undefined) store.labels.limit = header.labelLimit;
      continue;
    }
    if ((value as EdgeLine).t === 'e') {
      const e = value as EdgeLine;
      store.graph.restore(e.f, e.a, e.to, e.b, e.ty);
      continue;
    }
    const line = value as Line;
    const type = TAGS[line.t];
    if (!type) throw new Error(`${file}:${n}: unknown record kind "${line.t}".`);
    const table = store.table(type);
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

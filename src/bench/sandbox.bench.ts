import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../sandbox/index.ts';

/**
 * `npm run bench -- sandbox`: seeds 1,000,000 contacts and measures what rolecall leans on at scale:
 * seed time, memory, list pages deep into the list, batch reads and search. Real HTTP on 127.0.0.1.
 */
const CONTACTS = Number(process.env.SANDBOX_BENCH_CONTACTS ?? 1_000_000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = (globalThis as { gc?: () => void }).gc;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function timeIt(
  runs: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

gc?.();
const rssBefore = process.memoryUsage().rss;
const seedStarted = performance.now();
const sandbox = await startSandbox({ contacts: CONTACTS, deals: 0, rateLimit: false, searchPerSecond: 0 });
const seedMs = performance.now() - seedStarted;
gc?.();
const memory = process.memoryUsage();
const headers = { authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json' };
const get = async (path: string) => {
  const response = await fetch(`${sandbox.baseUrl}${path}`, { headers });
  if (response.status !== 200) throw new Error(`${path} → ${response.status}`);
  await response.arrayBuffer();
};
const post = async (path: string, body: unknown) => {
  const response = await fetch(`${sandbox.baseUrl}${path}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${path} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as { total?: number };
};

const firstId = 1001;
// A fixed stride through the whole id range, so every run reads the same pages.
const deepAfter = (i: number) => firstId + Math.floor(((i * 7919) % 1000) * (CONTACTS / 1000));
const rows: [string, { p50: number; p95: number }, string?][] = [];
rows.push([
  'list page (limit 100, 4 properties + history) at spread offsets',
  await timeIt(200, (i) =>
    get(
      `/crm/v3/objects/contacts?limit=100&after=${deepAfter(i)}&properties=jobtitle,hs_seniority,hs_buying_role,company&propertiesWithHistory=hs_buying_role`,
    ),
  ),
]);
rows.push([
  'list page deepest (last 100 records)',
  await timeIt(50, () => get(`/crm/v3/objects/contacts?limit=100&after=${firstId + CONTACTS - 100}`)),
]);
rows.push([
  'batch read 100 ids',
  await timeIt(100, (i) =>
    post('/crm/v3/objects/contacts/batch/read', {
      inputs: Array.from({ length: 100 }, (_, k) => ({ id: String(deepAfter(i) + k) })),
      properties: ['jobtitle', 'hs_buying_role'],
      propertiesWithHistory: ['hs_buying_role'],
    }),
  ),
]);
rows.push([
  'associations v4 batch read 1,000 contacts',
  await timeIt(30, (i) =>
    post('/crm/v4/associations/contacts/companies/batch/read', {
      inputs: Array.from({ length: 1000 }, (_, k) => ({ id: String(deepAfter(i) + k) })),
    }).catch(() => undefined),
  ),
]);
const searches: [string, unknown][] = [
  [
    'search HAS_PROPERTY hs_buying_role (full scan + count)',
    {
      filterGroups: [{ filters: [{ propertyName: 'hs_buying_role', operator: 'HAS_PROPERTY' }] }],
      limit: 100,
    },
  ],
  [
    'search jobtitle EQ "ceo" (case-insensitive)',
    {
      filterGroups: [{ filters: [{ propertyName: 'jobtitle', operator: 'EQ', value: 'ceo' }] }],
      limit: 100,
    },
  ],
  [
    'search hs_object_id range, sorted ascending',
    {
      filterGroups: [
        {
          filters: [
            {
              propertyName: 'hs_object_id',
              operator: 'BETWEEN',
              value: String(firstId + CONTACTS / 2),
              highValue: String(firstId + CONTACTS / 2 + 9999),
            },
          ],
        },
      ],
      sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      limit: 200,
    },
  ],
  [
    'search email CONTAINS_TOKEN *@gmail.com, page at 9,800',
    {
      filterGroups: [
        { filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@gmail.com' }] },
      ],
      limit: 200,
      after: '9800',
    },
  ],
  [
    'search HAS_PROPERTY hs_seniority sorted by jobtitle',
    {
      filterGroups: [{ filters: [{ propertyName: 'hs_seniority', operator: 'HAS_PROPERTY' }] }],
      sorts: [{ propertyName: 'jobtitle', direction: 'ASCENDING' }],
      limit: 100,
    },
  ],
];
for (const [label, body] of searches) {
  let total = 0;
  const timing = await timeIt(8, async () => {
    total = (await post('/crm/v3/objects/contacts/search', body)).total ?? 0;
  });
  rows.push([label, timing, `total ${total.toLocaleString('en')}`]);
}
const file = join(tmpdir(), `rolecall-sandbox-bench-${process.pid}.jsonl`);
const saveStarted = performance.now();
await sandbox.save(file);
const saveMs = performance.now() - saveStarted;
const fileBytes = (await stat(file)).size;
await sandbox.close();
const loadStarted = performance.now();
const loaded = await startSandbox({ dataFile: file, rateLimit: false });
const loadMs = performance.now() - loadStarted;
const loadedCount = loaded.store.count('contacts');
await loaded.close();
await rm(file, { force: true });

process.stdout.write(
  [
    `sandbox at ${CONTACTS.toLocaleString('en')} contacts, ${sandbox.store.count('companies').toLocaleString('en')} companies (Node ${process.version})`,
    `  seed time        ${(seedMs / 1000).toFixed(2)} s`,
    `  save / load      ${(saveMs / 1000).toFixed(2)} s / ${(loadMs / 1000).toFixed(2)} s, ${mb(fileBytes)} file, ${loadedCount.toLocaleString('en')} contacts back`,
    `  RSS after seed   ${mb(memory.rss)} (process before seeding: ${mb(rssBefore)}); heap used ${mb(memory.heapUsed)}`,
    ...rows.map(
      ([label, t, note]) =>
        `  ${label.padEnd(62)} p50 ${t.p50.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms${note ? `   ${note}` : ''}`,
    ),
    '',
  ].join('\n'),
);

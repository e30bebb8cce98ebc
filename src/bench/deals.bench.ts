import * as bench from './sandbox-process.ts';

/**
 * `npm run bench -- deals`: one `rolecall tag` run (contacts, then deal labels and deal properties) over
 * a sandbox of open deals with ~6 contacts each, under the Professional rate limit (190 requests / 10 s).
 * Reports, side by side, contacts tagged per second and deal contacts labelled per second, each against
 * the least requests that part of the job needs, and the tagger's peak memory at two sizes.
 */
const RATE = bench.PRO_RATE;
const DEAL_SIZES = [2_000, 10_000];
/** Mean asked of the seeder; small companies cap groups, so deals end up with about 6 contacts. */
const CONTACTS_PER_DEAL = 10;

interface Part {
  seconds: number;
  requests: number;
  minimumRequests: number;
  rateLimited: number;
}

interface WorkerResult {
  deals: number;
  contacts: number;
  contactsOnDeals: number;
  labelsWritten: number;
  dealValues: number;
  tagging: Part;
  labelling: Part;
  peakRssMb: number;
  heapAfterGcMb: number;
}

async function worker(baseUrl: string, token: string): Promise<void> {
  const { classify } = await import('../classify/classify.ts');
  const { runDealPhase } = await import('../tag/deals/deal-phase.ts');
  const portal = await bench.openBenchPortal(baseUrl, token);
  const { gateway, db, playbook } = portal;
  const tagging = await bench.timedTagRun(portal);
  const tag = tagging.summary;
  const m1 = gateway.metrics();
  const t1 = performance.now();
  const deals = await runDealPhase({
    gateway,
    db,
    target: baseUrl,
    runId: 'bench',
    playbook,
    classify,
    now: Date.now(),
    dryRun: false,
  });
  if (deals.error) throw new Error(`deal labelling failed: ${deals.error.message}`);
  const m2 = gateway.metrics();
  const t2 = performance.now();
  const { n: dealsUpdated } = db.db
    .prepare(
      `SELECT COUNT(DISTINCT deal_id) AS n FROM deal_writes WHERE run_id = 'bench' AND kind = 'property'`,
    )
    .get() as { n: number };
  const n = tag.processed;
  const d = deals.dealsEvaluated;
  const c = deals.contactsOnDeals;
  const result: WorkerResult = {
    deals: d,
    contacts: n,
    contactsOnDeals: c,
    labelsWritten: deals.labelsWritten,
    dealValues: deals.dealPropertiesWritten,
    tagging: {
      seconds: tagging.seconds,
      requests: tagging.requests,
      minimumRequests: tagging.minimumRequests,
      rateLimited: tagging.rateLimited,
    },
    labelling: {
      seconds: (t2 - t1) / 1000,
      requests: m2.requests - m1.requests,
      // Deal pages of 100, deal→contact reads of 1,000, the deals' contacts read back in batches of 100
      // (their classification and last activity), label batches of 100, deal-property batches of 100.
      minimumRequests:
        Math.ceil(d / 100) +
        Math.ceil(d / 1000) +
        Math.ceil(c / 100) +
        Math.ceil(deals.labelsWritten / 100) +
        Math.ceil(dealsUpdated / 100),
      rateLimited: m2.rateLimited - m1.rateLimited,
    },
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterGcMb: bench.liveHeapMb(),
  };
  portal.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const measure = (deals: number) =>
  bench.measureInWorker<WorkerResult>(import.meta.filename, [
    '--contacts',
    String(deals * 10),
    '--deals',
    String(deals),
    '--deal-contacts',
    String(CONTACTS_PER_DEAL),
    '--open-share',
    '1',
  ]);

function line(what: string, items: number, unit: string, part: Part): string {
  const rate = items / part.seconds;
  const ceiling = items / (part.minimumRequests / RATE.perSecond);
  return `  ${what.padEnd(9)} ${items.toLocaleString('en')} ${unit} in ${part.seconds.toFixed(1)} s = ${rate.toFixed(0)}/s; ${part.requests} requests (minimum ${part.minimumRequests}, ${((part.requests / part.minimumRequests) * 100).toFixed(0)}%), ${part.rateLimited} × 429; ceiling at ${RATE.perSecond} req/s ${ceiling.toFixed(0)}/s → ${((rate / ceiling) * 100).toFixed(1)}%`;
}

if (process.argv[2] === '--worker') {
  await worker(process.argv[3] ?? '', process.argv[4] ?? '');
} else {
  const wanted = process.env.ROLECALL_BENCH_SIZES?.split(',').map(Number) ?? DEAL_SIZES;
  process.stdout.write(
    `one tag run, contacts then deals, under the Professional rate limit (${RATE.perTenSeconds} requests / 10 s)\n`,
  );
  const results: WorkerResult[] = [];
  for (const size of wanted) {
    const r = await measure(size);
    results.push(r);
    process.stdout.write(
      `${[
        `${r.deals.toLocaleString('en')} open deals, ${r.contactsOnDeals.toLocaleString('en')} deal contacts (${(r.contactsOnDeals / r.deals).toFixed(1)} per deal), ${r.contacts.toLocaleString('en')} contacts in the portal`,
        line('tagging', r.contacts, 'contacts', r.tagging),
        line('labelling', r.contactsOnDeals, 'deal contacts', r.labelling),
        `  ${r.labelsWritten.toLocaleString('en')} labels and ${r.dealValues.toLocaleString('en')} deal values written; peak RSS ${r.peakRssMb.toFixed(0)} MB, live heap after GC ${r.heapAfterGcMb.toFixed(0)} MB`,
      ].join('\n')}\n`,
    );
  }
  if (results.length > 1) {
    const [small, large] = [results[0]!, results.at(-1)!];
    process.stdout.write(
      `memory: ${small.peakRssMb.toFixed(0)} MB at ${small.deals.toLocaleString('en')} deals vs ${large.peakRssMb.toFixed(0)} MB at ${large.deals.toLocaleString('en')} (${(large.deals / small.deals).toFixed(0)}× the deals)\n`,
    );
  }
}

import type { Command } from 'commander';
import { FAULTS_HELP, parseFaults } from '../../sandbox/faults.ts';
import {
  LABEL_LIMITS,
  RATE_PRESETS,
  type RatePreset,
  type Sandbox,
  startSandbox,
} from '../../sandbox/index.ts';
import { CliError, UsageError } from '../errors.ts';
import { jsonOption } from '../options.ts';

interface SandboxFlags {
  contacts: string;
  companies?: string;
  deals?: string;
  dealHistory?: string;
  shuffleOutcomes?: boolean;
  dealContacts?: string;
  openShare?: string;
  port: string;
  seed: string;
  rate: string;
  data?: string;
  save?: string;
  searchLag: string;
  once?: boolean;
  json?: boolean;
  webhookUrl?: string;
  webhookSecret?: string;
  portals: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtl: string;
  faults?: string;
}

const RATES = [...Object.keys(RATE_PRESETS), 'none'];

function integer(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${raw}".`);
  }
  return value;
}

function share(raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`--open-share must be a number from 0 to 1; got "${raw}".`);
  }
  return value;
}

/** `rolecall sandbox`: a local HubSpot-compatible CRM API for tests and the demo; runs until Ctrl-C. */
export function registerSandbox(program: Command): void {
  program
    .command('sandbox')
    .description('Start a local HubSpot-compatible CRM API with seeded contacts and companies.')
    .addHelpText(
      'after',
      `
Driving it from outside (over HTTP):
  --faults 5xx=0.15,reset=0.02,latency=30ms,burst429=0.01   the same --seed gives the same fault sequence
  X-Sandbox-Source: CRM_UI | IMPORT | INTEGRATION           header on any write: history entries (and webhook
                                                            changeSource) carry that source; CRM_UI = a person
  GET /_sandbox/requests?since=<seq>&limit=<n>              the request log after <seq>: seq, method, path,
                                                            status (0 = connection reset), at, ids written
Sandbox-only routes all live under /_sandbox/ (not HubSpot's); they need no token and have no faults.
`,
    )
    .option('--contacts <n>', 'seeded contacts (0 to 2,000,000)', '5000')
    .option('--companies <n>', 'seeded companies (default: one per ten contacts)')
    .option('--deals <n>', 'seeded deals with buying groups and activity (default: one per ten contacts)')
    .option(
      '--deal-history <n>',
      'add n closed won/lost deals with planted effects (for "rolecall insights")',
    )
    .option(
      '--shuffle-outcomes',
      "with --deal-history: shuffle the deals' outcomes (a control with no effect)",
    )
    .option('--deal-contacts <n>', 'mean contacts per seeded deal, 1 to 12', '4')
    .option('--open-share <0..1>', 'share of seeded deals that are open', '0.72')
    .option('--port <n>', 'port on 127.0.0.1 (0 = any free port)', '3999')
    .option('--seed <n>', 'seed of the generated data and faults', '1')
    .option('--rate <preset>', `rate-limit tier: ${RATES.join(', ')}`, 'pro')
    .option('--data <file>', 'load a saved dataset instead of generating one')
    .option('--save <file>', 'save the dataset to this file when the sandbox stops')
    .option('--search-lag <ms>', 'how long search lags behind writes', '0')
    .option('--webhook-url <url>', 'deliver signed webhook events for API and UI-style writes to this URL')
    .option(
      '--webhook-secret <secret>',
      'client secret that signs webhook deliveries (X-HubSpot-Signature-v3)',
    )
    .option('--portals <n>', 'play this many portals (1 to 50), each with its own data and hub id', '1')
    .option('--client-id <id>', 'marketplace app client id for the OAuth endpoints (default: generated)')
    .option(
      '--client-secret <secret>',
      'marketplace app client secret for the OAuth endpoints (default: generated)',
    )
    .option('--token-ttl <seconds>', 'lifetime of OAuth access tokens', '1800')
    .option('--faults <list>', `injected failures, seeded by --seed (repeatable): ${FAULTS_HELP}`)
    .option('--once', 'with --save: save the generated dataset and exit without serving')
    .addOption(jsonOption('print {"baseUrl","token"} as one JSON line instead of text'))
    .action(async (flags: SandboxFlags) => {
      if (!RATES.includes(flags.rate)) {
        throw new UsageError(`--rate must be one of ${RATES.join(', ')}; got "${flags.rate}".`);
      }
      if (flags.once && !flags.save)
        throw new UsageError('--once needs --save <file>: it saves the dataset and exits.');
      if (Boolean(flags.webhookUrl) !== Boolean(flags.webhookSecret)) {
        throw new UsageError('--webhook-url and --webhook-secret go together: give both, or neither.');
      }
      if (flags.webhookUrl && !/^https?:\/\//.test(flags.webhookUrl)) {
        throw new UsageError(`--webhook-url must start with http:// or https://; got "${flags.webhookUrl}".`);
      }
      let faults: ReturnType<typeof parseFaults> = {};
      try {
        faults = flags.faults ? parseFaults(flags.faults) : {};
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const preset = flags.rate === 'none' ? false : RATE_PRESETS[flags.rate as RatePreset];
      let sandbox: Sandbox;
      try {
        sandbox = await startSandbox({
          contacts: integer('contacts', flags.contacts, 0, 2_000_000),
          companies:
            flags.companies === undefined ? undefined : integer('companies', flags.companies, 0, 1_000_000),
          deals: flags.deals === undefined ? undefined : integer('deals', flags.deals, 0, 1_000_000),
          ...(flags.dealHistory === undefined
            ? {}
            : {
                dealHistory: {
                  deals: integer('deal-history', flags.dealHistory, 1, 100_000),
                  shuffleOutcomes: flags.shuffleOutcomes === true,
                },
              }),
          dealOptions: {
            meanContacts: integer('deal-contacts', flags.dealContacts ?? '4', 1, 12),
            openShare: share(flags.openShare ?? '0.72'),
          },
          labelLimit: flags.rate === 'none' ? undefined : LABEL_LIMITS[flags.rate as RatePreset],
          port: integer('port', flags.port, 0, 65_535),
          seed: integer('seed', flags.seed, 0, 2 ** 31),
          searchLagMs: integer('search-lag', flags.searchLag, 0, 600_000),
          faults,
          dataFile: flags.data,
          portals: integer('portals', flags.portals, 1, 50),
          oauth: {
            clientId: flags.clientId ?? 'sandbox-client-id',
            clientSecret: flags.clientSecret ?? 'sandbox-client-secret',
            accessTokenTtlSeconds: integer('token-ttl', flags.tokenTtl, 5, 86_400),
          },
          rateLimit: preset === false ? false : { ...preset },
          webhooks:
            flags.webhookUrl && flags.webhookSecret
              ? { targetUrl: flags.webhookUrl, clientSecret: flags.webhookSecret }
              : undefined,
        });
      } catch (error) {
        if (error instanceof CliError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE')
          throw new CliError(`Port ${flags.port} is in use; pick another with --port, or --port 0.`);
        if (code === 'ENOENT')
          throw new CliError(
            `No dataset at ${flags.data}; create one with "rolecall sandbox --save FILE --once".`,
          );
        throw new CliError((error as Error).message);
      }
      if (flags.once && flags.save) {
        await sandbox.save(flags.save);
        await sandbox.close();
        process.stdout.write(`Saved ${sandbox.store.count('contacts')} contacts to ${flags.save}.\n`);
        return;
      }
      printBanner(sandbox, flags, preset);
      await untilStopped();
      if (flags.save) {
        await sandbox.save(flags.save);
        process.stderr.write(`Saved the dataset to ${flags.save}.\n`);
      }
      await sandbox.close();
    });
}

function printBanner(
  sandbox: Sandbox,
  flags: SandboxFlags,
  preset: false | { perTenSeconds: number; daily: number },
) {
  const hubIds = sandbox.portals.map((p) => p.portalId);
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ baseUrl: sandbox.baseUrl, token: sandbox.token, hubIds, clientId: sandbox.oauth?.settings.clientId })}\n`,
    );
    return;
  }
  const limits = preset
    ? `${preset.perTenSeconds} requests / 10 s, ${preset.daily.toLocaleString('en')} / day, search 5 / s`
    : 'none';
  process.stdout.write(
    [
      'rolecall sandbox: a local HubSpot-compatible CRM API (not HubSpot).',
      `  base URL  ${sandbox.baseUrl}`,
      `  token     ${sandbox.token}`,
      `  data      ${sandbox.store.count('contacts')} contacts, ${sandbox.store.count('companies')} companies, ${sandbox.store.count('deals')} deals`,
      `  limits    ${limits}; ${sandbox.store.labels.limit} custom association labels per object pair`,
      ...sandbox.portals.map(
        (p, i) =>
          `  portal    hub id ${p.portalId}: ${p.store.count('contacts')} contacts, ${p.store.count('deals')} deals${i === 0 ? ' (the token above)' : ''}`,
      ),
      `  OAuth     client id ${sandbox.oauth?.settings.clientId}; authorize ${sandbox.baseUrl}/oauth/authorize; 110 requests / 10 s per portal`,
      ...(flags.faults ? [`  faults    ${flags.faults} (seed ${flags.seed})`] : []),
      '  log       GET /_sandbox/requests?since=0',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

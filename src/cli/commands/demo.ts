import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createGateway } from '../../hubspot/gateway.ts';
import { describeStep, setupPortal } from '../../hubspot/setup.ts';
import { defaultPlaybook } from '../../playbook/default.ts';
import { startSandbox } from '../../sandbox/index.ts';
import { AuditDb } from '../../tag/audit-db.ts';
import { tagCommand } from '../../tag/tag-command.ts';
import { CliError, EXIT, UsageError } from '../errors.ts';

const DEMO_CONTACTS = 3000;
const DEMO_RATE = { perTenSeconds: 190, daily: 1_000_000 };

/** `rolecall demo` (= `npm start`): sandbox + setup + tag + report, no account needed. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Run the main job on embedded sample data: no HubSpot account needed.')
    .option('--contacts <n>', 'sample contacts in the sandbox', String(DEMO_CONTACTS))
    .option('--dir <path>', 'where the demo keeps its audit log and report', '.rolecall/demo')
    .action(async (flags: { contacts: string; dir: string }) => {
      const contacts = Number(flags.contacts);
      if (!Number.isInteger(contacts) || contacts < 1)
        throw new UsageError(`--contacts ${flags.contacts} must be a whole number above 0.`);
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`rolecall demo: a local HubSpot-compatible sandbox with ${contacts} sample contacts (seed 1),`);
      out(
        `rate-limited like a Professional portal (${DEMO_RATE.perTenSeconds} requests per 10 s). No account, nothing leaves this machine.`,
      );
      const sandbox = await startSandbox({ seed: 1, contacts, rateLimit: DEMO_RATE });
      const dbPath = join(flags.dir, 'rolecall.db');
      const db = new AuditDb(dbPath);
      try {
        const gateway = createGateway({
          accessToken: sandbox.token,
          baseUrl: sandbox.baseUrl,
          maxPerInterval: DEMO_RATE.perTenSeconds,
        });
        out('\n1. rolecall setup');
        const setup = await setupPortal(gateway, defaultPlaybook, false);
        if (setup.error) throw new CliError(setup.error.message);
        for (const step of setup.steps) out(`   ${describeStep(step, false)}`);
        out('\n2. rolecall tag');
        const session = {
          db,
          playbook: defaultPlaybook,
          connection: { gateway, target: 'sandbox:demo', close: async () => {} },
          close: async () => {},
        };
        const result = await tagCommand(session, {
          dbPath,
          progress: process.stderr.isTTY ? 'bar' : 'silent',
        });
        if (result.problem || !result.summary)
          throw new CliError(result.problem ?? 'the demo run did not start');
        const s = result.summary;
        const metrics = gateway.metrics();
        out(
          `   ${s.processed} contacts read, ${s.contactsWritten} tagged (${s.propertiesWritten} values); values a person set were kept on ${s.protectedContacts} contacts`,
        );
        out(`   ${metrics.requests} API requests, ${metrics.retries} retries, ${s.seconds.toFixed(1)} s`);
        out('\n3. report');
        out(`   ${resolve(result.reportPath ?? '')}`);
        out(
          '\nThe sandbox ends with the demo. Against a portal (HUBSPOT_ACCESS_TOKEN set): rolecall setup, rolecall tag --dry-run,',
        );
        out('rolecall tag, and "rolecall undo <run-id>" to restore every value.');
        process.exitCode = s.status === 'done' ? EXIT.ok : EXIT.error;
      } finally {
        db.close();
        await sandbox.close();
      }
    });
}

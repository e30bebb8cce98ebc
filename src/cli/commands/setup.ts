import type { Command } from 'commander';
import { describeStep, setupPortal } from '../../hubspot/setup.ts';
import { EXIT } from '../errors.ts';
import { dbOption, jsonOption, playbookOption } from '../options.ts';
import {
  addBackendOptions,
  addPortalOptions,
  openCommandSession,
  type PortalFlags,
  portalHelp,
} from '../portal.ts';
import { exitSoonAfterTimeouts } from './tag.ts';

interface SetupFlags extends PortalFlags {
  dryRun?: boolean;
  json?: boolean;
  playbook?: string;
  server?: string;
  portal?: string;
}

/** `rolecall setup`: creates (idempotently) the rolecall property group and contact properties. */
export function registerSetup(program: Command): void {
  const command = program
    .command('setup')
    .description('Create or update the rolecall property group and contact properties in HubSpot.')
    .option('--dry-run', 'print what would change and change nothing')
    .addOption(jsonOption('print one JSON object on stdout and nothing else'))
    .addOption(dbOption('audit log (a --sandbox is saved next to it)'))
    .addOption(
      playbookOption(
        "playbook whose personas become options (default: the portal's saved playbook, else the built-in one)",
      ),
    );
  addBackendOptions(addPortalOptions(command))
    .addHelpText(
      'after',
      portalHelp(
        [
          'HUBSPOT_ACCESS_TOKEN=pat-na1-… rolecall setup --dry-run   # what would change',
          'rolecall setup --sandbox                                  # try it on local sample data',
        ],
        { backend: true },
      ),
    )
    .action(async (flags: SetupFlags) => {
      const session = await openCommandSession('setup', flags, { portalPlaybook: true });
      try {
        const result = await setupPortal(
          session.connection.gateway,
          session.playbook,
          Boolean(flags.dryRun),
          session.connection.target,
        );
        const conflicts = result.steps.filter((step) => step.action === 'conflict');
        const code = result.error || conflicts.length > 0 ? EXIT.error : EXIT.ok;
        if (flags.json) {
          const steps = result.steps.map((step) =>
            'spec' in step ? { action: step.action, name: step.name } : step,
          );
          process.stdout.write(
            `${JSON.stringify({ dryRun: Boolean(flags.dryRun), applied: result.applied, steps, error: result.error?.message })}\n`,
          );
        } else {
          for (const step of result.steps)
            process.stdout.write(`${describeStep(step, Boolean(flags.dryRun))}\n`);
          if (result.error) process.stderr.write(`✖ ${result.error.message}\n`);
        }
        process.exitCode = code;
      } finally {
        await session.close();
        exitSoonAfterTimeouts(session);
      }
    });
}

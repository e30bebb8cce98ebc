import type { Command } from 'commander';
import { DEFAULT_DB_PATH } from '../../tag/audit-db.ts';
import { newRunId, openSession } from '../../tag/session.ts';
import { runUndo } from '../../tag/undo.ts';
import { CliError, EXIT } from '../errors.ts';
import { addPortalOptions, openPortal, type PortalFlags, portalHelp } from '../portal.ts';

interface UndoFlags extends PortalFlags {
  json?: boolean;
}

/** `rolecall undo <run-id>`: restores what a run replaced; itself a run that can be undone. */
export function registerUndo(program: Command): void {
  const command = program
    .command('undo')
    .argument('<run-id>', 'the run to undo (see "rolecall runs")')
    .description('Restore the values a run replaced, except values changed since by anyone.')
    .option('--db <path>', 'audit log', DEFAULT_DB_PATH)
    .option('--json', 'print one JSON object on stdout and nothing else');
  addPortalOptions(command)
    .addHelpText(
      'after',
      portalHelp([
        'HUBSPOT_ACCESS_TOKEN=pat-na1-… rolecall undo 20261207T101500Z-3f2a',
        'rolecall undo 20261207T101500Z-3f2a --sandbox   # a run made with --sandbox',
      ]),
    )
    .action(async (target: string, flags: UndoFlags) => {
      const opened = await openSession({ db: flags.db, connect: () => openPortal('undo', flags) });
      if (!opened.ok) throw new CliError(opened.message);
      const { session } = opened;
      try {
        const run = session.db.getRun(target);
        if (!run) throw new CliError(`No run "${target}" in ${flags.db}. See "rolecall runs".`);
        if (run.kind === 'dry-run')
          throw new CliError(`Run ${target} was a dry run; it changed nothing to undo.`);
        if (run.target !== session.connection.target) {
          throw new CliError(
            `Run ${target} wrote to ${run.target}, not ${session.connection.target}. Use the same HUBSPOT_ACCESS_TOKEN and --base-url (or --sandbox).`,
          );
        }
        const runId = newRunId();
        session.db.createRun({
          id: runId,
          kind: 'undo',
          target: run.target,
          options: { undoOf: target },
          undoOf: target,
        });
        const summary = await runUndo(session.connection.gateway, session.db, target, runId);
        session.db.finishRun(runId, summary.status === 'done' ? 'done' : 'failed', {
          ...summary,
          metrics: session.connection.gateway.metrics(),
        });
        const code = summary.status === 'done' && summary.failed === 0 ? EXIT.ok : EXIT.error;
        if (flags.json) {
          process.stdout.write(
            `${JSON.stringify({ ...summary, error: summary.error?.message, exitCode: code })}\n`,
          );
        } else {
          process.stdout.write(
            `Undo ${runId} of ${target}: ${summary.status}\n  restored ${summary.propertiesRestored} values on ${summary.contactsRestored} contacts, ${summary.labelsRestored ?? 0} deal labels, ${summary.dealPropertiesRestored ?? 0} deal values\n  left alone: ${summary.skippedChangedSince} changed since, ${summary.skippedByPerson} edited by a person\n  undo this undo with "rolecall undo ${runId}"\n`,
          );
          if (summary.error) process.stderr.write(`✖ ${summary.error.message}\n`);
        }
        process.exitCode = code;
      } finally {
        await session.close();
      }
    });
}

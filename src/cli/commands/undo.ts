import type { Command } from 'commander';
import { newRunId } from '../../tag/session.ts';
import { runUndo, type UndoSummary } from '../../tag/undo.ts';
import { CliError, EXIT } from '../errors.ts';
import { dbOption, jsonOption } from '../options.ts';
import { addPortalOptions, openCommandSession, type PortalFlags, portalHelp } from '../portal.ts';

interface UndoFlags extends PortalFlags {
  json?: boolean;
  dryRun?: boolean;
}

/** What undo can and cannot see, in `undo --help` and the README. */
export const UNDO_RULE = `
Undo restores previous values except where the history shows a later change: a value someone changed
after the run, or whose newest edit came from a person, is left alone. HubSpot records no history entry
when a person saves the same value again, so a value a rep re-typed unchanged looks untouched and is
restored. Run "rolecall undo <run-id> --dry-run" first: it lists exactly the values that would change.
`;

/** `rolecall undo <run-id>`: restores what a run replaced; itself a run that can be undone. */
export function registerUndo(program: Command): void {
  const command = program
    .command('undo')
    .argument('<run-id>', 'the run to undo (see "rolecall runs")')
    .description('Restore the values a run replaced, except values changed since by anyone.')
    .addOption(dbOption('audit log'))
    .addOption(jsonOption('print one JSON object on stdout and nothing else'))
    .option('--dry-run', 'list exactly the contact values undo would restore, and change nothing')
    .addHelpText('after', UNDO_RULE);
  addPortalOptions(command)
    .addHelpText(
      'after',
      portalHelp([
        'HUBSPOT_ACCESS_TOKEN=pat-na1-… rolecall undo 20261207T101500Z-3f2a',
        'rolecall undo 20261207T101500Z-3f2a --sandbox   # a run made with --sandbox',
      ]),
    )
    .action(async (target: string, flags: UndoFlags) => {
      const session = await openCommandSession('undo', flags);
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
        if (flags.dryRun) {
          const preview = await runUndo(session.connection.gateway, session.db, target, newRunId(), {
            dryRun: true,
          });
          printPreview(target, preview, Boolean(flags.json));
          process.exitCode = preview.status === 'done' ? EXIT.ok : EXIT.error;
          return;
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

function printPreview(target: string, preview: UndoSummary, json: boolean): void {
  const changes = preview.wouldChange ?? [];
  if (json) {
    const { runId: _unused, ...rest } = preview;
    process.stdout.write(`${JSON.stringify({ ...rest, dryRun: true, error: preview.error?.message })}\n`);
    return;
  }
  const lines = changes.map(
    (c) =>
      `  contact ${c.contact}  ${c.property}: ${JSON.stringify(c.current ?? '')} → ${JSON.stringify(c.restore)}`,
  );
  process.stdout.write(
    `Dry run of undo ${target}: would restore ${changes.length} values on ${preview.contactsRestored} contacts (nothing written)\n${lines.join('\n')}${lines.length ? '\n' : ''}  left alone: ${preview.skippedChangedSince} changed since, ${preview.skippedByPerson} edited by a person\n  deal labels and deal values are not listed; "rolecall undo ${target}" restores them too\n`,
  );
  if (preview.error) process.stderr.write(`✖ ${preview.error.message}\n`);
}

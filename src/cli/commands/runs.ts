import type { Command } from 'commander';
import type { PlaybookSource } from '../../playbook/source.ts';
import { AuditDb } from '../../tag/audit-db.ts';
import { dbOption, jsonOption } from '../options.ts';

/** `rolecall runs`: the runs in the audit log, newest first. */
export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('List tag, dry-run and undo runs recorded in the audit log.')
    .addOption(dbOption('audit log'))
    .option('--limit <n>', 'how many runs', '20')
    .addOption(jsonOption('print JSON on stdout and nothing else'))
    .action((flags: { db: string; limit: string; json?: boolean }) => {
      const db = new AuditDb(flags.db);
      try {
        const runs = db.listRuns(Math.max(1, Number(flags.limit) || 20)).map((run) => {
          const stats = run.stats ? (JSON.parse(run.stats) as { processed?: number; contacts?: number }) : {};
          const options = JSON.parse(run.options || '{}') as { playbookSource?: PlaybookSource };
          return {
            id: run.id,
            kind: run.kind,
            status: db.shownStatus(run),
            startedAt: run.started_at,
            finishedAt: run.finished_at,
            target: run.target,
            undoOf: run.undo_of,
            contacts: stats.processed ?? stats.contacts ?? null,
            writes: db.countWrites(run.id),
            playbook: options.playbookSource ?? null,
          };
        });
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(runs)}\n`);
          return;
        }
        if (runs.length === 0) {
          process.stdout.write('No runs yet. Start one with "rolecall tag --dry-run".\n');
          return;
        }
        for (const run of runs) {
          const undo = run.undoOf ? ` (undoes ${run.undoOf})` : '';
          const source = run.playbook;
          const playbook =
            source?.kind === 'portal'
              ? `  playbook v${source.version} of portal ${source.portal}`
              : source?.kind === 'file'
                ? `  playbook ${source.path}`
                : '';
          const resume =
            run.kind === 'tag' && run.status === 'interrupted'
              ? `  → continue with "rolecall tag --resume ${run.id}"`
              : '';
          process.stdout.write(
            `${run.id}  ${run.kind.padEnd(7)} ${run.status.padEnd(11)} ${run.startedAt}  contacts ${run.contacts ?? '-'}  values written ${run.writes.applied}${run.writes.pending ? `, pending ${run.writes.pending}` : ''}${run.writes.failed ? `, failed ${run.writes.failed}` : ''}  ${run.target}${playbook}${undo}${resume}\n`,
          );
        }
      } finally {
        db.close();
      }
    });
}

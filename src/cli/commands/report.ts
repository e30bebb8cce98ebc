import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { AuditDb, DEFAULT_DB_PATH } from '../../tag/audit-db.ts';
import { playbookReview, reportData } from '../../tag/report/report-data.ts';
import { writeReport } from '../../tag/report/report-html.ts';
import { resolvePlaybook } from '../../tag/session.ts';
import { CliError } from '../errors.ts';

/** `rolecall report <run-id>`: writes the HTML report of a recorded run again. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .argument('<run-id>', 'the run (see "rolecall runs")')
    .description('Write the HTML report of a tag or dry run.')
    .option('--db <path>', 'audit log', DEFAULT_DB_PATH)
    .option('--report <path>', 'where to write it (default: next to the database)')
    .option('--playbook <file>', 'playbook whose required roles the coverage uses')
    .action(async (runId: string, flags: { db: string; report?: string; playbook?: string }) => {
      const playbook = await resolvePlaybook(flags.playbook);
      if (!playbook.ok) throw new CliError(playbook.message);
      const db = new AuditDb(flags.db);
      try {
        const data = reportData(db, runId, playbook.playbook.requiredRoles);
        if (!data) throw new CliError(`No run "${runId}" in ${flags.db}. See "rolecall runs".`);
        const path = flags.report ?? join(dirname(flags.db), `report-${runId}.html`);
        writeReport(
          path,
          { ...data, playbook: playbookReview(playbook.playbook, new Date()) },
          playbook.playbook,
        );
        process.stdout.write(`${path}\n`);
      } finally {
        db.close();
      }
    });
}

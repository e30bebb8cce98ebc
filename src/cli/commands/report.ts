import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { AuditDb } from '../../tag/audit-db.ts';
import { playbookReview, reportData } from '../../tag/report/report-data.ts';
import { writeReport } from '../../tag/report/report-html.ts';
import { CliError } from '../errors.ts';
import { dbOption, loadPlaybookForCli, playbookOption } from '../options.ts';

/** `rolecall report <run-id>`: writes the HTML report of a recorded run again. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .argument('<run-id>', 'the run (see "rolecall runs")')
    .description('Write the HTML report of a tag or dry run.')
    .addOption(dbOption('audit log'))
    .option('--report <path>', 'where to write it (default: next to the database)')
    .addOption(playbookOption('playbook whose required roles the coverage uses'))
    .action(async (runId: string, flags: { db: string; report?: string; playbook?: string }) => {
      const playbook = await loadPlaybookForCli(flags.playbook);
      const db = new AuditDb(flags.db);
      try {
        const data = reportData(db, runId, playbook.requiredRoles);
        if (!data) throw new CliError(`No run "${runId}" in ${flags.db}. See "rolecall runs".`);
        const path = flags.report ?? join(dirname(flags.db), `report-${runId}.html`);
        writeReport(path, { ...data, playbook: playbookReview(playbook, new Date()) }, playbook);
        process.stdout.write(`${path}\n`);
      } finally {
        db.close();
      }
    });
}

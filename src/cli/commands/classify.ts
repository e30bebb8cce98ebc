import type { Command } from 'commander';
import { sizeBand } from '../../classify/size-band.ts';
import { DELIMITER_HELP } from '../../io/csv-delimiter.ts';
import { classifyRecord } from '../classify-io.ts';
import { delimiterFlag, UsageError } from '../errors.ts';
import { jsonOption, loadPlaybookForCli, playbookOption } from '../options.ts';

interface ClassifyFlags {
  employees?: string;
  industry?: string;
  revenue?: string;
  companyName?: string;
  revenuePerEmployee?: string;
  json?: boolean;
  jsonl?: boolean;
  csv?: string;
  out?: string;
  titleColumn?: string;
  delimiter?: string;
  playbook?: string;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value.replace(/[,_\s]/g, ''));
  if (!Number.isFinite(parsed) || parsed < 0) {
    throw new UsageError(`${flag} must be a number, e.g. ${flag} 500 (got "${value}").`);
  }
  return parsed;
}

/** Company flags of a single title, and where a stream carries the same fact instead. */
const SINGLE_TITLE_FLAGS = [
  ['employees', '--employees', 'company.employees', 'Number of Employees'],
  ['industry', '--industry', 'company.industry', 'Industry'],
  ['revenue', '--revenue', 'company.annualRevenue', 'Annual Revenue'],
  ['companyName', '--company-name', 'company.name', 'Company Name'],
] as const;

/** Flags that would be silently ignored in this combination are errors that name the fix. */
export function checkFlags(title: string | undefined, flags: ClassifyFlags): void {
  const inputs = [
    title !== undefined && `a title ("${title}")`,
    flags.jsonl && '--jsonl',
    flags.csv !== undefined && `--csv ${flags.csv}`,
  ].filter((input): input is string => Boolean(input));
  if (inputs.length > 1) {
    throw new UsageError(
      `Choose one input: a title, --jsonl or --csv <file> (got ${inputs.join(' and ')}). Run one command per input.`,
    );
  }
  if (flags.csv === undefined) {
    if (flags.out !== undefined) {
      throw new UsageError(
        `--out needs --csv: only a CSV run writes a file, e.g. rolecall classify --csv in.csv --out ${flags.out}. For --jsonl or a title, redirect stdout instead (> ${flags.out}).`,
      );
    }
    if (flags.delimiter !== undefined) {
      throw new UsageError('--delimiter needs --csv, e.g. rolecall classify --csv in.csv --delimiter ";".');
    }
    if (flags.titleColumn !== undefined) {
      throw new UsageError(
        '--title-column needs --csv, e.g. rolecall classify --csv in.csv --title-column "Job Title".',
      );
    }
  }
  if (title !== undefined) return;
  const stream = flags.jsonl ? '--jsonl' : '--csv';
  if (flags.json && (flags.jsonl || flags.csv !== undefined)) {
    throw new UsageError(
      `--json is for a single title; ${stream} already has its own output format. Drop --json.`,
    );
  }
  for (const [key, flag, field, column] of SINGLE_TITLE_FLAGS) {
    if (flags[key] === undefined || !(flags.jsonl || flags.csv !== undefined)) continue;
    const where = flags.jsonl ? `give "${field}" on each JSON line` : `put it in a "${column}" column`;
    throw new UsageError(`${flag} is for a single title; with ${stream}, ${where}, and drop ${flag}.`);
  }
}

function describe(record: ReturnType<typeof classifyRecord>, band: string): string {
  const rows = [
    ['seniority', record.seniority],
    ['function', record.function],
    ...(record.abstain ? [['abstained', record.abstain]] : []),
    ['secondary', record.secondaryFunctions.join(', ') || '—'],
    ['confidence', record.confidence.toFixed(2)],
    ['size band', band],
    ['rules', record.rules.join(', ') || '—'],
    ['role', [record.buyingRole, ...(record.extraRoles ?? [])].join(' + ')],
    ['persona', `${record.persona}${record.personaKind === 'negative' ? ' (negative)' : ''}`],
    ['fit', record.fit ? 'in the ICP' : 'outside the ICP'],
  ];
  const playbookWhy = [...(record.roleReasons ?? []).slice(0, 1), ...(record.fitReasons ?? [])];
  const why = [...record.reasons, ...playbookWhy].map((reason) => `  · ${reason}`).join('\n');
  return `${record.title}\n${rows.map(([label, value]) => `  ${label?.padEnd(11)}${value}`).join('\n')}\n  why\n${why}\n`;
}

/** What a --jsonl line must be, shown in `rolecall classify --help` (the errors repeat the example). */
export const JSONL_RULE = `
--jsonl input: one JSON value per line, either
  a JSON object with a "title" key (a string, or null when the contact has none) and, optionally,
  "company": {"name": "...", "employees": 500, "industry": "BANKING", "annualRevenue": 10000000}
  e.g. {"title": "VP Sales", "company": {"employees": 500}}
  or a JSON string, read as the title: "VP Sales"
Any other line (not JSON, a number, an array, an object without "title", a title that is not a string)
gets an output line with an "error" field naming the fix; the run goes on. A UTF-8 byte-order mark is ignored.

--csv input: the separator (, ; tab |) is read from the header line; --delimiter names it when it cannot be.
The job title comes from "Job Title" (or jobtitle, Title, Position), the company from "Company Name",
"Number of Employees", "Industry" and "Annual Revenue" when present (a HubSpot export works as is).
--out is written only when the whole file was read: an error leaves an existing file unchanged.
`;

/** `rolecall classify`: seniority and function of one title, or of a JSONL or CSV stream. */
export function registerClassify(program: Command): void {
  program
    .command('classify')
    .argument('[title]', 'a job title, e.g. "VP of Sales"')
    .description(
      'Read seniority, function, buying role and persona from job titles: one title, --jsonl on stdin, or --csv.',
    )
    .option('--employees <n>', "the company's number of employees")
    .option('--industry <name>', "the company's industry, e.g. BANKING")
    .option('--revenue <n>', "the company's annual revenue (estimates the size when employees are missing)")
    .option('--company-name <name>', "the company's name (removed from the title)")
    .option('--revenue-per-employee <n>', 'ratio used to estimate the size band from revenue')
    .addOption(jsonOption('print one JSON object and nothing else'))
    .option('--jsonl', 'read JSON lines from stdin, write one JSON line per input line, in order')
    .option('--csv <file>', 'read a CSV (a HubSpot export works), "-" for stdin')
    .option('--out <file>', 'where --csv writes (default: stdout)')
    .option(
      '--title-column <header>',
      'CSV column holding the job title (default: "Job Title" or "jobtitle")',
    )
    .option('--delimiter <char>', `CSV separator, ${DELIMITER_HELP} (default: read from the header line)`)
    .addOption(playbookOption('playbook deciding roles and personas (default: the shipped one)'))
    .addHelpText('after', JSONL_RULE)
    .action(async (title: string | undefined, flags: ClassifyFlags) => {
      checkFlags(title, flags);
      const delimiter = delimiterFlag(flags.delimiter);
      const revenuePerEmployee = number('--revenue-per-employee', flags.revenuePerEmployee);
      const playbook = await loadPlaybookForCli(flags.playbook);
      const options = revenuePerEmployee ? { revenuePerEmployee, playbook } : { playbook };
      // The stream readers (CSV parser and writer) load only for a stream: one title starts faster.
      if (flags.jsonl) {
        const { classifyJsonl } = await import('../classify-stream.ts');
        await classifyJsonl(process.stdin, process.stdout, options);
        return;
      }
      if (flags.csv) {
        const { classifyCsv } = await import('../classify-stream.ts');
        const rows = await classifyCsv(flags.csv, flags.out, {
          ...options,
          titleColumn: flags.titleColumn,
          delimiter,
        });
        if (flags.out) process.stderr.write(`classified ${rows} rows → ${flags.out}\n`);
        return;
      }
      if (title === undefined) {
        throw new UsageError(
          'Give a title, e.g. rolecall classify "VP of Sales", or use --jsonl or --csv <file>.',
        );
      }
      const company = {
        employees: number('--employees', flags.employees) ?? null,
        industry: flags.industry ?? null,
        annualRevenue: number('--revenue', flags.revenue) ?? null,
        name: flags.companyName ?? null,
      };
      const record = classifyRecord(title, company, options);
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(record)}\n`);
        return;
      }
      process.stdout.write(describe(record, sizeBand(company, revenuePerEmployee)));
    });
}

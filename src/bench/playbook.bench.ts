import { readFileSync } from 'node:fs';
import { classify } from '../classify/classify.ts';
import { readTitle } from '../classify/read-title.ts';
import { defaultPlaybook } from '../playbook/default.ts';
import { loadPlaybookText } from '../playbook/load.ts';
import { DEFAULT_PLAYBOOK_YAML } from '../playbook/load-file.ts';
import { readWithPlaybook } from '../playbook/read-with-playbook.ts';
import { applyEdit } from '../playbook/versions.ts';

/**
 * `npm run bench -- playbook`: how long loading and cross-checking a playbook takes, and what the playbook
 * layer adds to classify() per contact (title reading alone vs the full classify()).
 */
const TITLES = [
  'CEO',
  'Chief Financial Officer',
  'VP Sales',
  'Head of Marketing',
  'Sales Manager',
  'Account Executive',
  'IT Manager',
  'CISO',
  'Procurement Manager',
  'General Counsel',
  'Marketing Student',
  'Open to work',
  'Geschäftsführer',
  'Responsable Achats',
  'Director de Ventas',
  'Founder & CTO',
  '',
  'Nurse',
];
const COMPANIES = [
  { employees: 15 },
  { employees: 300, industry: 'COMPUTER_SOFTWARE' },
  { employees: 12000 },
  null,
];
const CONTACTS = Number(process.env.PLAYBOOK_BENCH_CONTACTS ?? 200_000);

/** Wall and CPU milliseconds per call; on a shared machine the CPU time is the steadier of the two. */
function perCall(runs: number, call: (i: number) => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < Math.min(runs, 2000); i++) call(i); // warm up the JIT
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < runs; i++) call(i);
  const wall = (performance.now() - started) / runs;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 / runs };
}

const yaml = readFileSync(DEFAULT_PLAYBOOK_YAML, 'utf8');
const loadMs = perCall(50, () => loadPlaybookText(yaml, 'default-playbook.yaml'));
// What the settings page does on every keystroke: set one field of the document, check the whole playbook.
const data = JSON.parse(JSON.stringify(defaultPlaybook)) as unknown;
const editMs = perCall(50, (i) =>
  applyEdit(data, ['personas', 1, 'talkingPoints', 'economic_buyer', 0], `Edited talking point number ${i}.`),
);
const contact = (i: number) => ({ jobTitle: TITLES[i % TITLES.length] });
const company = (i: number) => COMPANIES[i % COMPANIES.length];
const titleMs = perCall(CONTACTS, (i) => readTitle(contact(i).jobTitle, company(i)));
const titles = TITLES.map((t) => readTitle(t, { employees: 300 }));
const playbookMs = perCall(CONTACTS, (i) =>
  readWithPlaybook(titles[i % titles.length]!, company(i), defaultPlaybook),
);
const classifyMs = perCall(CONTACTS, (i) => classify(contact(i), company(i), defaultPlaybook));

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
const both = (t: { wall: number; cpu: number }, unit: (ms: number) => string) =>
  `${unit(t.wall)} (CPU ${unit(t.cpu)})`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
process.stdout.write(
  [
    `load + cross-check default playbook (YAML): ${both(loadMs, ms)}`,
    `one settings-page edit, checked in full:    ${both(editMs, ms)}`,
    `readTitle per contact:                      ${both(titleMs, us)}`,
    `playbook layer per contact (roles/persona):  ${both(playbookMs, us)}`,
    `classify() per contact:                     ${both(classifyMs, us)}  (${Math.round(1000 / classifyMs.wall).toLocaleString('en-US')} contacts/s wall, ${Math.round(1000 / classifyMs.cpu).toLocaleString('en-US')}/s per CPU second; ${CONTACTS.toLocaleString('en-US')} runs)`,
    '',
  ].join('\n'),
);

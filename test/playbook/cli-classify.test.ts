import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { classifyRecord } from '../../src/cli/classify-io.ts';
import { classifyCsv } from '../../src/cli/classify-stream.ts';
import { main } from '../../src/cli/main.ts';
import { loadPlaybookData } from '../../src/playbook/load.ts';
import { captureOutput, jsonl } from '../cli/run-cli.ts';
import { baseData, REVIEW_DAY } from './base.ts';

const TITLE_KEYS = [
  'title',
  'seniority',
  'function',
  'secondaryFunctions',
  'confidence',
  'rules',
  'reasons',
  'abstain',
];

describe('rolecall classify output carries the playbook reading after the title fields', () => {
  it('jsonl lines: title fields first, then role, persona and fit', async () => {
    const [cfo = {}, bad = {}] = await jsonl('{"title":"CFO","company":{"employees":800}}\nnot json\n');
    expect(Object.keys(cfo).slice(0, TITLE_KEYS.length)).toEqual(TITLE_KEYS);
    expect(Object.keys(cfo).slice(TITLE_KEYS.length, TITLE_KEYS.length + 2)).toEqual([
      'buyingRole',
      'extraRoles',
    ]);
    expect(cfo).toMatchObject({ buyingRole: 'economic_buyer', persona: 'finance_leader', fit: true });
    expect(bad.error).toMatch(/not valid JSON/);
  });

  it('csv rows gain role, persona and fit columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-classify-'));
    writeFileSync(join(dir, 'in.csv'), 'Job Title,Number of Employees\nCEO,15\nIT Manager,300\n');
    await classifyCsv(join(dir, 'in.csv'), join(dir, 'out.csv'));
    const [header, ceo, it] = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(header).toContain(
      ',buying_role,extra_roles,hubspot_buying_role,role_confidence,persona,persona_confidence,fit,',
    );
    expect(ceo).toContain(',economic_buyer,decision_maker,BUDGET_HOLDER,');
    expect(it).toContain(',technical_evaluator,,INFLUENCER,');
  });

  it('uses the playbook it is given, and a revenue-per-employee override', () => {
    const data = baseData();
    data.product.userFunctions = ['hr'];
    const hr = loadPlaybookData(data, 'hr.yaml', { today: REVIEW_DAY }).value;
    if (!hr) throw new Error('the edited playbook should load');
    expect(classifyRecord('VP Human Resources', { employees: 300 }).buyingRole).toBe('influencer');
    expect(classifyRecord('VP Human Resources', { employees: 300 }, { playbook: hr }).buyingRole).toBe(
      'decision_maker',
    );
    const revenue = { annualRevenue: 20_000_000 };
    expect(classifyRecord('CEO', revenue).roleRules).toEqual(['ceo-mid']);
    expect(classifyRecord('CEO', revenue, { revenuePerEmployee: 1_000_000 }).roleRules).toEqual([
      'ceo-small',
    ]);
  });
});

describe('rolecall classify --playbook', () => {
  const io = captureOutput();

  it('reads the given file and exits 1 with the error list when it is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rolecall-classify-'));
    const path = join(dir, 'hr.yaml');
    const data = baseData();
    data.product.userFunctions = ['hr'];
    writeFileSync(path, stringify(data));
    const argv = ['node', 'rolecall', 'classify', 'VP Human Resources', '--employees', '300', '--json'];
    expect(await main([...argv, '--playbook', path])).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ buyingRole: 'decision_maker', persona: 'function_leader' });
    data.product.userFunctions = ['human_resources'];
    writeFileSync(path, stringify(data));
    expect(await main([...argv, '--playbook', path])).toBe(1);
    expect(io.err).toContain(
      'product.userFunctions[0]: "human_resources" is not a function; did you mean "hr"?',
    );
  });
});

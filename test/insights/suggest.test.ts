import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applySuggestions, suggest, suggestionsYaml } from '../../src/insights/suggest.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { loadPlaybookData } from '../../src/playbook/load.ts';
import { generateDealHistory } from '../../src/sandbox/seed/deal-history.ts';
import { analyzeDeals, analyzeHistory, classifiedDeals, NOW, shuffled } from './history.ts';

describe('playbook suggest', () => {
  const report = analyzeHistory(generateDealHistory({ deals: 600, seed: 7, now: NOW }));
  const suggestions = suggest(report, defaultPlaybook);

  it('proposes changes only where an effect cleared its interval, each with the numbers behind it', () => {
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(s.why.length).toBeGreaterThan(0);
    const finance = suggestions.find((s) => s.why.some((w) => w.startsWith('finance_leader engaged on')));
    expect(finance?.op).toBe('add');
    expect(finance?.path).toBe('/requiredRoles/-');
    expect(finance!.why[0]).toMatch(
      /^finance_leader engaged on \d+ % of won deals vs \d+ % of lost, 600 deals; win rate/,
    );
    expect(
      suggestions.find(
        (s) => s.path === '/personas/-' && (s.value as { id: string }).id === 'operations_buyer',
      ),
    ).toBeDefined();
  });

  it('writes commented YAML that parses back to the same changes', () => {
    const text = suggestionsYaml(suggestions, report, {
      from: 'insights.json',
      playbook: 'built-in default',
    });
    expect(text).toContain('nothing here has been applied');
    expect(text).toMatch(/\n {2}# finance_leader engaged on \d+ % of won deals vs \d+ % of lost, 600 deals/);
    const parsed = parse(text) as { changes: unknown[] };
    expect(parsed.changes).toEqual(suggestions.map(({ why: _why, ...change }) => change));
  });

  it('a person can apply the role changes: the result is a valid playbook; a new persona needs its content first', () => {
    const data = parse(JSON.stringify(defaultPlaybook)) as Record<string, unknown>;
    const roles = suggestions.filter((s) => s.path.startsWith('/requiredRoles'));
    const applied = loadPlaybookData(applySuggestions(data, roles), 'suggested.yaml');
    expect(applied.errors).toEqual([]);
    expect(applied.value!.requiredRoles).toEqual([
      ...defaultPlaybook.requiredRoles,
      ...roles.map((s) => s.value),
    ]);
    const withPersona = loadPlaybookData(applySuggestions(data, suggestions), 'suggested.yaml');
    expect(withPersona.value).toBeNull();
    expect(withPersona.errors.map((issue) => issue.text).join('\n')).toMatch(/goals/);
  });

  it('suggests nothing from a shuffled-outcome control or a portal without enough deals', () => {
    const control = analyzeDeals(
      shuffled(classifiedDeals(generateDealHistory({ deals: 600, seed: 7, now: NOW })), 5),
    );
    expect(suggest(control, defaultPlaybook).filter((s) => s.path !== '/personas/-')).toEqual([]);
    const few = analyzeHistory(generateDealHistory({ deals: 12, seed: 7, now: NOW }));
    expect(suggest(few, defaultPlaybook)).toEqual([]);
    expect(suggestionsYaml([], few, { from: 'x.json', playbook: 'p' })).toContain(
      '# Not enough data: 12 closed deal(s)',
    );
  });
});

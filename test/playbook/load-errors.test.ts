import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadPlaybookData, loadPlaybookText } from '../../src/playbook/load.ts';
import { baseData, type Data, DEFAULT_YAML, REVIEW_DAY } from './base.ts';

const SOURCE = 'team.yaml';
const load = (data: Data) => loadPlaybookData(data, SOURCE, { today: REVIEW_DAY });
const errorTexts = (data: Data) => load(data).errors.map((e) => e.text);
const change = (edit: (data: Data) => void): Data => {
  const data = baseData();
  edit(data);
  return data;
};

describe('loading the default playbook', () => {
  it('has no errors, and warns only that it is an example and for each template item in it', () => {
    const loaded = loadPlaybookText(DEFAULT_YAML, 'default-playbook.yaml', { today: REVIEW_DAY });
    expect(loaded.errors.map((e) => e.text)).toEqual([]);
    // Every item marked template in the YAML, found here without rolecall's code.
    const data = baseData();
    const templates: string[] = [];
    const collect = (items: { template?: boolean }[] | undefined, at: string) =>
      (items ?? []).forEach((item, i) => {
        if (item.template === true) templates.push(`${at}[${i}]`);
      });
    data.roles.forEach((r: Data, i: number) => {
      collect(r.objections, `roles[${i}].objections`);
    });
    data.personas.forEach((p: Data, i: number) => {
      collect(p.painPoints, `personas[${i}].painPoints`);
      collect(p.objections, `personas[${i}].objections`);
    });
    expect(data.example).toBe(true);
    expect(templates.length).toBeGreaterThanOrEqual(data.personas.length);
    expect(loaded.warnings.map((w) => w.path).sort()).toEqual(['example', ...templates].sort());
    expect(loaded.value?.personas.filter((p) => p.match.customer !== true)).toHaveLength(5);
    expect(loaded.value?.personas.filter((p) => p.match.customer === true)).toHaveLength(4);
    expect(loaded.value?.negativePersonas).toHaveLength(2);
  });

  it('marks every pain-point quote of the default as a template: none is a real buyer quote', () => {
    for (const persona of baseData().personas) {
      for (const pain of persona.painPoints) expect(pain.template, pain.quote).toBe(true);
    }
  });
});

describe('broken playbooks give precise errors', () => {
  it('bad YAML names the line', () => {
    const loaded = loadPlaybookText('version: 1\npersonas: [a, b\n', SOURCE);
    expect(loaded.value).toBeNull();
    expect(loaded.errors[0]?.text).toMatch(/^team\.yaml › \(file\): not valid YAML at line \d+, column \d+/);
  });

  it('reads JSON and YAML with a byte-order mark', () => {
    const json = `\uFEFF${JSON.stringify(baseData())}`;
    expect(loadPlaybookText(json, 'p.json', { today: REVIEW_DAY }).errors).toEqual([]);
    expect(loadPlaybookText(`\uFEFF${DEFAULT_YAML}`, 'p.yaml', { today: REVIEW_DAY }).errors).toEqual([]);
  });

  it('bad JSON says so', () => {
    expect(loadPlaybookText('{"version": ', 'p.json').errors[0]?.text).toMatch(
      /^p\.json › \(file\): not valid JSON/,
    );
  });

  it('an unknown key is an error with a suggestion', () => {
    const data = change((d) => {
      d.personas[0].goal = ['x'];
    });
    expect(errorTexts(data)).toContain(
      'team.yaml › personas[0].goal: unknown key "goal"; did you mean "goals"?',
    );
  });

  it('a wrong vocabulary value names the vocabulary and the closest id', () => {
    const data = change((d) => {
      d.personas[2].match.functions = ['sales_ops'];
    });
    expect(errorTexts(data)).toContain(
      'team.yaml › personas[2].match.functions[0]: "sales_ops" is not a function; did you mean "sales"?',
    );
  });

  it('a wrong role in talking points is named', () => {
    const data = change((d) => {
      d.personas[0].talkingPoints.economic_buyers = ['Payback in two quarters, shown with your numbers.'];
    });
    expect(errorTexts(data).join('\n')).toContain(
      'personas[0].talkingPoints.economic_buyers: unknown key "economic_buyers"; did you mean "economic_buyer"?',
    );
  });

  it('a missing required field says what to add', () => {
    const data = change((d) => {
      delete d.personas[1].objections;
    });
    expect(errorTexts(data)).toContain(
      'team.yaml › personas[1].objections: missing; add "objections" (array)',
    );
  });

  it('duplicate ids are reported at the second use', () => {
    const data = change((d) => {
      d.roleRules[3].id = d.roleRules[0].id;
      d.negativePersonas[0].id = 'finance_leader';
    });
    const texts = errorTexts(data);
    expect(texts).toContain(
      'team.yaml › roleRules[3].id: duplicate rule id "not-in-a-role" (first used at roleRules[0].id); rename one',
    );
    expect(texts).toContain(
      'team.yaml › negativePersonas[0].id: duplicate persona id "finance_leader" (first used at personas[1].id); rename one',
    );
  });

  it('references to undefined personas and roles are named, with a suggestion', () => {
    const data = change((d) => {
      d.personas[0].bringIn[0].personas = ['function_lead'];
      d.roles = d.roles.filter((r: { id: string }) => r.id !== 'gatekeeper');
    });
    const texts = errorTexts(data);
    expect(texts).toContain(
      'team.yaml › personas[0].bringIn[0].personas[0]: persona "function_lead" is not defined; did you mean "function_leader"? define it under personas or correct the id',
    );
    expect(texts).toContain(
      'team.yaml › roleRules[2].assign.role: role "gatekeeper" is not defined in roles; add it to roles',
    );
  });

  it('a rule hidden behind a broader earlier rule is unreachable', () => {
    const data = change((d) => {
      const ids = () => d.roleRules.map((r: { id: string }) => r.id);
      const [broad] = d.roleRules.splice(ids().indexOf('adjacent-leaders'), 1);
      d.roleRules.splice(ids().indexOf('user-director'), 0, broad);
    });
    const texts = errorTexts(data);
    expect(texts).toContain(
      'team.yaml › roleRules[22]: rule "user-director" can never match: the earlier rule "adjacent-leaders" matches everything it does; move "user-director" above it or narrow that rule',
    );
    expect(texts.some((t) => t.includes('rule "user-manager" can never match'))).toBe(false);
  });

  it('a rule hidden by several earlier rules together is unreachable too', () => {
    const data = change((d) => {
      const at = d.roleRules.findIndex((r: { id: string }) => r.id === 'user-rank-unknown');
      d.roleRules.splice(at, 0, {
        id: 'user-any-rank',
        match: { productFunctions: ['user'], seniority: ['vp', 'director', 'manager'] },
        assign: { role: 'champion' },
        note: 'This rule can never win: earlier rules take each of its ranks.',
        confidence: 0.5,
      });
    });
    expect(errorTexts(data).join('\n')).toMatch(
      /rule "user-any-rank" can never match: the earlier rules .*"user-vp".*"user-director".*together match/,
    );
  });

  it('blocker can never be assigned by a rule', () => {
    const data = change((d) => {
      d.roleRules[0].assign.role = 'blocker';
    });
    expect(errorTexts(data)).toContain(
      'team.yaml › roleRules[0].assign.role: "blocker" is set by people only; a rule must never assign it',
    );
  });

  it('contradictory ranges are errors', () => {
    const data = change((d) => {
      d.roleRules[5].match = { seniorityMin: 'vp', seniorityMax: 'manager' };
    });
    expect(errorTexts(data).join('\n')).toContain(
      '"vp" ranks above seniorityMax "manager", so nothing matches; swap them',
    );
  });
});

describe('warnings', () => {
  const warnings = (data: Data, today = REVIEW_DAY) =>
    loadPlaybookData(data, SOURCE, { today }).warnings.map((w) => w.text);

  it('overlapping personas with equal priority', () => {
    const data = change((d) => {
      d.personas[3].match.seniority = ['director', 'manager', 'senior'];
    });
    expect(warnings(data)).toContain(
      'team.yaml › personas[3].match.priority: personas "function_leader" and "team_practitioner" can match the same contact with equal priority 10; the first listed wins, so give one a higher priority or narrow a match',
    );
  });

  it('a persona an earlier one hides entirely is an error', () => {
    const data = change((d) => {
      d.personas[3].match = { productFunctions: ['user'], seniority: ['director'], priority: 10 };
    });
    expect(errorTexts(data).join('\n')).toContain(
      'persona "team_practitioner" (priority 10) can never be chosen',
    );
  });

  it('stale and future review dates', () => {
    expect(warnings(baseData(), '2027-12-01').join('\n')).toMatch(
      /"executive_leader" was last reviewed \d+ days ago \(interval 180\)/,
    );
    expect(warnings(baseData(), '2026-01-01').join('\n')).toContain('2026-11-20 is in the future');
  });

  it('a persona without talking points for a role it can be assigned', () => {
    const data = change((d) => {
      delete d.personas[3].talkingPoints.end_user;
    });
    // The role's own guidance covers it…
    expect(warnings(data).join('\n')).not.toContain('has no talking points');
    // …until the role has none either.
    const bare = change((d) => {
      delete d.personas[3].talkingPoints.end_user;
      d.roles.find((r: Data) => r.id === 'end_user').talkingPoints = [];
    });
    expect(warnings(bare)).toContain(
      'team.yaml › personas[3].talkingPoints: "team_practitioner" can be assigned end_user by the role rules but has no talking points for it, and neither does the role; add them to the persona or to roles[].talkingPoints',
    );
  });

  it('more than five personas', () => {
    const data = change((d) => {
      d.personas.push({
        ...d.personas[4],
        id: 'sixth',
        hubspotPersona: 'persona_6',
        match: { ...d.personas[4].match, priority: 5 },
      });
    });
    expect(warnings(data).join('\n')).toContain('6 active personas; two to five is the useful range');
  });
});

describe('never throws on weird input', () => {
  const weird: unknown[] = [
    null,
    undefined,
    0,
    'x',
    [],
    {},
    true,
    -1,
    { version: { a: 1 } },
    '🙂'.repeat(50),
  ];

  it('top-level and text inputs', () => {
    for (const value of weird) {
      expect(load(value).value).toBeNull();
      expect(loadPlaybookText(value as string, SOURCE).value).toBeNull();
      expect(loadPlaybookText(stringify(value ?? null), SOURCE).errors.length).toBeGreaterThan(0);
    }
    expect(loadPlaybookText('a: &x [*x]', SOURCE).value).toBeNull();
  });

  it('every field replaced by odd values yields errors or a value, never an exception', () => {
    const paths: (string | number)[][] = [];
    const walk = (node: Data, path: (string | number)[]) => {
      paths.push(path);
      if (path.length >= 4 || node === null || typeof node !== 'object') return;
      // The customer personas repeat the buyer personas' shape; walking the first five keeps this fast.
      if (path.length === 2 && path[0] === 'personas' && Number(path[1]) >= 5) return;
      for (const key of Object.keys(node))
        walk(node[key], [...path, Array.isArray(node) ? Number(key) : key]);
    };
    walk(baseData(), []);
    for (const path of paths.slice(1)) {
      for (const value of [null, 7, 'zz', [], {}]) {
        const data = baseData();
        let node = data;
        for (const key of path.slice(0, -1)) node = node[key];
        node[path[path.length - 1] as string] = value;
        const loaded = load(data);
        expect(loaded.value !== null || loaded.errors.length > 0).toBe(true);
      }
    }
  }, 90_000);
});

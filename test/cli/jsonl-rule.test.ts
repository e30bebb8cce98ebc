import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.ts';
import { jsonl } from './run-cli.ts';

describe('what a --jsonl line must be (issue 12.5)', () => {
  it('is documented in rolecall classify --help', async () => {
    const help = (await buildProgram()).commands
      .find((command) => command.name() === 'classify')
      ?.helpInformation();
    let text = help ?? '';
    // addHelpText('after') is printed by outputHelp; collect it.
    const classify = (await buildProgram()).commands.find((command) => command.name() === 'classify');
    classify?.configureOutput({ writeOut: (chunk) => (text += chunk) });
    classify?.outputHelp();
    expect(text).toMatch(/--jsonl input: one JSON value per line/);
    expect(text).toMatch(/"title" key \(a string, or null/);
    expect(text).toMatch(/or a JSON string, read as the title/);
    expect(text).toMatch(/--delimiter/);
  });

  it('classifies the two allowed forms, and errors on everything else, naming the rule', async () => {
    const lines = [
      '"VP Sales"',
      '{"title":"CFO","company":{"employees":500}}',
      '{"title":null}',
      '42',
      '{}',
      '[]',
      'true',
      'null',
      '{"jobtitle":"CFO"}',
      '{"title":["CFO"]}',
    ];
    const out = await jsonl(`${lines.join('\n')}\n`);
    expect(out).toHaveLength(lines.length);
    expect(out.slice(0, 3).map((line) => line.error)).toEqual([undefined, undefined, undefined]);
    expect(out[0]).toMatchObject({ title: 'VP Sales', function: 'sales' });
    expect(out[2]).toMatchObject({ seniority: 'unknown' });
    for (const line of out.slice(3)) {
      expect(line.error).toMatch(/Write each line as a JSON object with a "title" \(a string, or null/);
    }
    expect(out[3]?.error).toMatch(/^line 4 is a number, not a title/);
    expect(out[4]?.error).toMatch(/^line 5 has no "title" key\./);
    expect(out[5]?.error).toMatch(/^line 6 is an array/);
    expect(out[6]?.error).toMatch(/^line 7 is a boolean/);
    expect(out[7]?.error).toMatch(/^line 8 is null/);
    expect(out[8]?.error).toMatch(/^line 9 has no "title" key \(it has "jobtitle"\)/);
    expect(out[9]?.error).toMatch(/^line 10 at "title": an array, not a string/);
  });

  it('ignores a UTF-8 byte-order mark before the first line (issue 12.4)', async () => {
    const out = await jsonl('\uFEFF{"title":"CFO"}\n{"title":"CTO"}\n');
    expect(out[0]?.error).toBeUndefined();
    expect(out[0]).toMatchObject({ title: 'CFO', seniority: 'c_level' });
  });
});

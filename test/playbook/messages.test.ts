import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadPlaybookText } from '../../src/playbook/load.ts';
import { captureOutput } from '../cli/run-cli.ts';

describe('playbook error sentences', () => {
  const io = captureOutput();

  it('bad YAML names the line and column once, and ends with a full stop', () => {
    const loaded = loadPlaybookText('version: 1\nroles:\n  - id: [x\n  bad: }\n', 'team.yaml');
    const text = loaded.errors[0]?.text ?? '';
    expect(text).toMatch(/^team\.yaml › \(file\): not valid YAML at line \d+, column \d+: \S.*\.$/);
    expect(text.match(/at line \d+, column \d+/g)).toHaveLength(1);
  });

  it('playbook show names an unknown persona in a full sentence', async () => {
    expect(await main(['node', 'rolecall', 'playbook', 'show', 'nope'])).toBe(1);
    expect(io.err).toBe('✖ No persona "nope". Run "rolecall playbook show" to list them.\n');
  });
});

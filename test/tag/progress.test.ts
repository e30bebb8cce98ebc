import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/tag/progress.ts';

const progress = {
  processed: 1000,
  contactsChanged: 400,
  contactsWritten: 0,
  propertiesWritten: 0,
  failed: 0,
  skipped: { manual: 0, low_confidence: 0, unchanged: 600 },
  protectedContacts: 0,
};

function lineFor(dryRun: boolean, already = 0): string {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk) => {
    text += chunk;
  });
  const reporter = createProgress('lines', 2000, stream, 0, dryRun, already);
  reporter.update(progress);
  reporter.stop();
  return text;
}

describe('progress lines', () => {
  it('a dry run says planned, not tagged', () => {
    expect(lineFor(true)).toMatch(/^planned 1000 of 2000 contacts .*would change 400/);
    expect(lineFor(false)).toMatch(/^tagged 1000 of 2000 contacts/);
  });
});

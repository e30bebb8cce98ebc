import { Alert, Table, TableRow, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { defaultPlaybook } from '@rolecall/core';
import { describe, expect, it } from 'vitest';
import { PlaybookOverview } from '../../extensions/app/settings/PlaybookOverview.tsx';
import { deepText } from './fixtures.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const reviewed = Date.parse(`${defaultPlaybook.personas[0]!.reviewedAt}T00:00:00Z`);

describe('settings page', () => {
  it('shows the playbook in use, every persona with its owner and review age, and how to change it', () => {
    const { render, findByTestId } = createRenderer('settings');
    render(<PlaybookOverview now={() => new Date(reviewed + 3 * DAY_MS)} />);
    expect(findByTestId(Text, 'summary').text).toMatch(
      /^5 personas, 4 customer personas and 2 negative personas for .*economic buyer/,
    );
    const rows = findByTestId(Table, 'personas').findAll(TableRow).slice(1).map(deepText);
    expect(rows).toHaveLength(defaultPlaybook.personas.length + defaultPlaybook.negativePersonas.length);
    expect(rows).toContain(
      `Finance Leader Product marketing ${defaultPlaybook.personas[1]!.reviewedAt} (3 days ago)`,
    );
    expect(rows.some((r) => r.startsWith('Student or Job Seeker (not a buyer)'))).toBe(true);
    expect(findByTestId(Text, 'how-to-change').text).toContain('npm run build -- --playbook');
  });

  it('warns when personas are past the review interval', () => {
    const { render, findByTestId, maybeFind } = createRenderer('settings');
    render(<PlaybookOverview now={() => new Date(reviewed + 3 * DAY_MS)} />);
    expect(maybeFind(Alert, { testId: 'stale' })).toBeNull();
    const late = createRenderer('settings');
    late.render(
      <PlaybookOverview now={() => new Date(reviewed + (defaultPlaybook.reviewIntervalDays + 1) * DAY_MS)} />,
    );
    expect(deepText(late.findByTestId(Alert, 'stale'))).toContain('Finance Leader');
    expect(findByTestId(Text, 'summary')).toBeDefined();
  });

  it('says the default is an example to replace', () => {
    const { render, findByTestId } = createRenderer('settings');
    render(<PlaybookOverview now={() => new Date(reviewed + 3 * DAY_MS)} />);
    expect(deepText(findByTestId(Alert, 'example-playbook'))).toContain('example playbook');
    const own = createRenderer('settings');
    own.render(
      <PlaybookOverview playbook={{ ...defaultPlaybook, example: false }} now={() => new Date(reviewed)} />,
    );
    expect(own.maybeFind(Alert, { testId: 'example-playbook' })).toBeNull();
  });
});

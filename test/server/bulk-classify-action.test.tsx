import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  hubspot,
  ProgressBar,
  Text,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkClassifyView } from '../../extensions/app/actions/BulkClassifyView.tsx';
import { BACKEND_URL } from '../../extensions/app/actions/bulkClient.ts';

const answer = (summary: Record<string, number>, status = 200) =>
  new Response(JSON.stringify({ results: [], summary }), {
    status,
    headers: { 'content-type': 'application/json' },
  });

const ids = (n: number) => Array.from({ length: n }, (_, i) => 1000 + i);

afterEach(() => vi.restoreAllMocks());

describe('the bulk classify panel', () => {
  it('asks for a selection when none is given', () => {
    const { render, findByTestId } = createRenderer('crm.bulkActions');
    render(<BulkClassifyView />);
    expect(findByTestId(Text, 'empty').text).toContain('Select one or more contacts');
  });

  it('sends the selection in batches of 50, shows progress, then the summary', async () => {
    const { render, mocks, findByTestId, maybeFind, waitFor } = createRenderer('crm.bulkActions');
    mocks.context.crm.objectIds = ids(120);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fetch = vi.spyOn(hubspot, 'fetch').mockImplementation(async (_url, options) => {
      await gate;
      const batch = ((options?.body?.objectIds ?? []) as number[]).length;
      return answer({ written: batch - 1, unchanged: 1, skipped: 0, not_found: 0, failed: 0 });
    });
    render(<BulkClassifyView />);
    expect(findByTestId(Text, 'intro').text).toContain('120 selected contacts');
    findByTestId(Button, 'start').trigger('onClick');
    await waitFor(() => expect(maybeFind(ProgressBar)).not.toBeNull());
    expect(findByTestId(ProgressBar, 'progress').props.maxValue).toBe(120);
    release();
    await waitFor(() => expect(maybeFind(DescriptionList)).not.toBeNull());
    expect(fetch.mock.calls.map(([, o]) => ((o?.body?.objectIds ?? []) as number[]).length)).toEqual([
      50, 50, 20,
    ]);
    expect(fetch.mock.calls[0]?.[0]).toBe(`${BACKEND_URL}/hubspot/bulk-classify`);
    expect(fetch.mock.calls[0]?.[1]?.body?.mode).toBe('fill_empty');
    expect(findByTestId(DescriptionListItem, 'saved').text).toBe('117');
    expect(findByTestId(DescriptionListItem, 'unchanged').text).toBe('3');
    expect(maybeFind(Alert)).toBeNull();
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'success' });
  });

  it('counts a failed batch as failed and says how to recover', async () => {
    const { render, mocks, findByTestId, maybeFind, waitFor } = createRenderer('crm.bulkActions');
    mocks.context.crm.objectIds = ids(60);
    vi.spyOn(hubspot, 'fetch')
      .mockResolvedValueOnce(answer({ written: 50, unchanged: 0, skipped: 0, not_found: 0, failed: 0 }))
      .mockResolvedValueOnce(answer({}, 503));
    render(<BulkClassifyView />);
    findByTestId(Button, 'start').trigger('onClick');
    await waitFor(() => expect(maybeFind(Alert)).not.toBeNull());
    expect(findByTestId(Alert, 'failures').text).toContain('10 contacts could not be saved');
    expect(mocks.actions.addAlert.calls[0]?.[0]).toMatchObject({ type: 'warning' });
  });
});

import { hubspot } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import type { dealModel } from './deal-fixtures.ts';

export type Answers = Record<string, (call: number) => unknown>;

/**
 * Renders a card with the app functions answering `answers[uid](callNumber)`; other uids reject. With
 * `view` null nothing is rendered yet, so a test can set hook mocks first.
 */
export function renderWithFunctions(
  view: ReactElement | null,
  answers: Answers,
  location: 'crm.record.tab' | 'crm.record.sidebar' = 'crm.record.tab',
) {
  const calls: Record<string, number> = {};
  const serverless = vi.spyOn(hubspot, 'serverless').mockImplementation((async (uid: string) => {
    calls[uid] = (calls[uid] ?? 0) + 1;
    const answer = answers[uid];
    if (!answer) throw new Error(`unexpected function ${uid}`);
    return answer(calls[uid]);
  }) as typeof hubspot.serverless);
  const renderer = createRenderer(location);
  if (view) renderer.render(view);
  return { ...renderer, serverless };
}

/** The app function's answer carrying a deal card model. */
export const cardOf = (model: ReturnType<typeof dealModel>) => () => ({
  ok: true,
  message: 'read',
  card: model,
});

import { hubspot } from '@hubspot/ui-extensions';
import { defaultPlaybook, loadPlaybookData, type Playbook } from '@rolecall/core';
import { useEffect, useState } from 'react';

/** rolecall's backend; must be listed in app-hsmeta.json `permittedUrls.fetch`. */
const BACKEND_URL = 'https://rolecall.example.com';

/**
 * The portal's current playbook from the backend (what the settings page saved), so a card shows an edit
 * on its next render without a build. Without an answer the playbook built into the app is used.
 */
export function usePortalPlaybook(): { loading: boolean; playbook: Playbook } {
  const [state, setState] = useState<{ loading: boolean; playbook: Playbook }>({
    loading: true,
    playbook: defaultPlaybook,
  });
  useEffect(() => {
    let live = true;
    hubspot
      .fetch(`${BACKEND_URL}/api/playbook`, { method: 'GET', timeout: 10_000 })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { playbook?: unknown };
        const loaded = loadPlaybookData(body.playbook, 'portal playbook');
        if (live) setState({ loading: false, playbook: loaded.value ?? defaultPlaybook });
      })
      .catch(() => {
        if (live) setState({ loading: false, playbook: defaultPlaybook });
      });
    return () => {
      live = false;
    };
  }, []);
  return state;
}

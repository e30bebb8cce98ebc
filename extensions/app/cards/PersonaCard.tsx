import { hubspot, LoadingSpinner } from '@hubspot/ui-extensions';
import { PersonaCardView } from './persona/PersonaCardView.tsx';
import { usePortalPlaybook } from './shared/usePortalPlaybook.ts';

/** The card with the portal's current playbook (edited in the app settings), else the built-in one. */
export function PortalPersonaCard() {
  const { loading, playbook } = usePortalPlaybook();
  if (loading) return <LoadingSpinner testId="loading-playbook" label="Reading the playbook…" />;
  return <PersonaCardView playbook={playbook} openDeals />;
}

hubspot.extend<'crm.record.tab'>(() => <PortalPersonaCard />);

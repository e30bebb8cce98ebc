import { hubspot } from '@hubspot/ui-extensions';
import { PersonaCardView } from './persona/PersonaCardView.tsx';

hubspot.extend<'crm.record.tab'>(() => <PersonaCardView />);

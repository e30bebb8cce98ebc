import { hubspot } from '@hubspot/ui-extensions';
import { PersonaSidebarView } from './persona/PersonaSidebarView.tsx';

hubspot.extend<'crm.record.sidebar'>(() => <PersonaSidebarView />);

import { hubspot } from '@hubspot/ui-extensions';
import { DealSidebarView } from './deal/DealSidebarView.tsx';

hubspot.extend<'crm.record.sidebar'>(() => <DealSidebarView />);

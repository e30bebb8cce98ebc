import { hubspot } from '@hubspot/ui-extensions';
import { DealCardView } from './deal/DealCardView.tsx';

hubspot.extend<'crm.record.tab'>(() => <DealCardView />);

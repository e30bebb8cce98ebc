import { hubspot } from '@hubspot/ui-extensions';
import { BuyingGroupView } from './company/BuyingGroupView.tsx';

hubspot.extend<'crm.record.tab'>(() => <BuyingGroupView openDeals />);

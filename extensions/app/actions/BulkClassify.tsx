import { hubspot } from '@hubspot/ui-extensions';
import { BulkClassifyView } from './BulkClassifyView.tsx';

hubspot.extend<'crm.bulkActions'>(() => <BulkClassifyView />);

import { hubspot } from '@hubspot/ui-extensions';
import { PlaybookOverview } from './PlaybookOverview.tsx';

hubspot.extend<'settings'>(() => <PlaybookOverview />);

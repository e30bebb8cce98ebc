import { EmptyState, Text } from '@hubspot/ui-extensions';

export interface MissingInputProps {
  /** The inputs that are missing, e.g. ["job title", "associated company"]. */
  missing: string[];
  /** Where the rep can choose by hand instead: below (the tab) or in the tab (the sidebar). */
  chooseWhere?: 'below' | 'tab';
}

/** The empty state: names what is missing and how to fix it. Not an error. */
export function MissingInput({ missing, chooseWhere = 'below' }: MissingInputProps) {
  const choose = chooseWhere === 'below' ? 'below' : 'in the "Buying role & persona" tab';
  return (
    <EmptyState testId="empty" title="No job title to read" layout="horizontal" imageName="contacts" flush>
      <Text testId="empty-reason">
        {`rolecall needs this contact's ${missing.join(' and ')} to suggest a persona and buying role. Add the job title in the "Job title" property on this record, then press Re-classify, or choose the persona and role yourself ${choose}.`}
      </Text>
    </EmptyState>
  );
}

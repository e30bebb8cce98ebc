import { EmptyState, Text } from '@hubspot/ui-extensions';

export interface MissingInputProps {
  /** The inputs that are missing, e.g. ["job title", "associated company"]. */
  missing: string[];
}

/** The empty state: names what is missing and how to fix it. Not an error. */
export function MissingInput({ missing }: MissingInputProps) {
  return (
    <EmptyState testId="empty" title="No job title to read" layout="horizontal" imageName="contacts" flush>
      <Text testId="empty-reason">
        {`rolecall needs this contact's ${missing.join(' and ')} to suggest a persona and buying role. Add the job title in the "Job title" property on this record, then press Re-classify, or choose the persona and role yourself below.`}
      </Text>
    </EmptyState>
  );
}

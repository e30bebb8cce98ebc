import { Alert, Text } from '@hubspot/ui-extensions';

export interface UnconfirmedNoticeProps {
  title: string;
  /** e.g. "Other · unknown seniority". */
  bestGuess: string;
}

/** Shows rolecall's best guess for a title it could not place, marked as unconfirmed. */
export function UnconfirmedNotice({ title, bestGuess }: UnconfirmedNoticeProps) {
  return (
    <Alert testId="unconfirmed" variant="info" title="Unconfirmed best guess">
      <Text>{`rolecall could not place the title "${title}" with confidence. Best guess: ${bestGuess}. Confirm it or choose the persona and role below.`}</Text>
    </Alert>
  );
}

import { Alert, EmptyState, Flex, Text } from '@hubspot/ui-extensions';
import type { CardNotice } from '@rolecall/core';

export interface NoticesProps {
  notices: readonly CardNotice[];
}

/** The model's notices: what is unknown or needs a decision, each under its id as testId. */
export function Notices({ notices }: NoticesProps) {
  return (
    <>
      {notices.map((notice) => (
        <Notice key={notice.id} notice={notice} />
      ))}
    </>
  );
}

function Notice({ notice }: { notice: CardNotice }) {
  if (notice.id === 'no-title') {
    return (
      <EmptyState testId="empty" title={notice.title} layout="horizontal" imageName="contacts" flush>
        {notice.lines.map((line) => (
          <Text key={line} testId="empty-reason">
            {line}
          </Text>
        ))}
      </EmptyState>
    );
  }
  if (notice.tone === 'quiet') {
    return (
      <Text testId={notice.id} variant="microcopy">
        {notice.lines.join(' ')}
      </Text>
    );
  }
  return (
    <Alert testId={notice.id} variant={notice.tone} title={notice.title}>
      <Flex direction="column" gap="xs">
        {notice.lines.map((line, i) => (
          <Text key={line} variant={i === 0 ? 'bodytext' : 'microcopy'}>
            {line}
          </Text>
        ))}
      </Flex>
    </Alert>
  );
}

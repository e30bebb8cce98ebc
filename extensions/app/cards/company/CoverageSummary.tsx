import { Alert, ProgressBar, Text } from '@hubspot/ui-extensions';
import type { Playbook } from '@rolecall/core';
import { roleLabel } from '@rolecall/core';

export interface CoverageSummaryProps {
  required: readonly string[];
  missing: readonly string[];
  score: number;
  /** Whose coverage this is, e.g. "all 240 contacts" or "the first 100 contacts". */
  scope: string;
  playbook: Playbook;
}

/** The coverage score and the required roles nobody at the company holds yet. */
export function CoverageSummary({ required, missing, score, scope, playbook }: CoverageSummaryProps) {
  const filled = required.length - missing.length;
  return (
    <>
      <ProgressBar
        testId="coverage"
        title="Buying-group coverage"
        value={filled}
        maxValue={required.length}
        valueDescription={`${filled} of ${required.length} required roles across ${scope} (score ${score.toFixed(2)})`}
        variant={missing.length === 0 ? 'success' : 'warning'}
      />
      {missing.length > 0 ? (
        <Alert testId="missing" variant="warning" title="Roles still missing">
          <Text>{`No ${missing.map((r) => roleLabel(playbook, r).toLowerCase()).join(', no ')} yet. Find them and multi-thread the deal.`}</Text>
        </Alert>
      ) : (
        <Text testId="missing">Every role the playbook requires is present.</Text>
      )}
    </>
  );
}

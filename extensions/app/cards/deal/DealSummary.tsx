import { Alert, ProgressBar, Text } from '@hubspot/ui-extensions';
import type { DealCardModel } from '@rolecall/core';

/** The deal's facts, how complete its buying group is, and the warnings a seller must see first. */
export function DealSummary({ model }: { model: DealCardModel }) {
  const { deal } = model;
  return (
    <>
      <Text testId="deal-facts" variant="microcopy">
        {`${deal.kindText} · ${deal.stage} · amount ${deal.amountText} · ${deal.sizeBand} deal${deal.open ? '' : ' · closed'}`}
      </Text>
      <ProgressBar
        testId="completeness"
        title="Buying group"
        value={model.completeness}
        maxValue={100}
        valueDescription={model.headline}
        variant={model.kind === 'complete' ? 'success' : 'warning'}
      />
      {model.kind === 'complete' ? <Text testId="complete">{model.headline}</Text> : null}
      {model.singleThreaded ? (
        <Alert testId="single-threaded" variant="warning" title="Single-threaded">
          <Text>One contact carries this deal. Bring in the missing roles below before it slips.</Text>
        </Alert>
      ) : null}
      {!model.configured ? (
        <Alert testId="unconfigured" variant="warning" title="Rolecall's deal labels are not set up">
          <Text>
            The roles below are rolecall's reading. To label them on the deal and add people with one click,
            run "rolecall setup" (or reinstall the app), then reload.
          </Text>
        </Alert>
      ) : null}
      {model.roles.length === 0 ? (
        <Alert testId="no-required-roles" variant="info" title="The playbook requires no roles here">
          <Text>
            {`No roles are required for a ${deal.kindText.toLowerCase()} deal of size ${deal.sizeBand}. Add them under deals.requiredRoles in the playbook (app settings).`}
          </Text>
        </Alert>
      ) : null}
    </>
  );
}

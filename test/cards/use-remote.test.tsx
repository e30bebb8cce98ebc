import { Button, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useRemote } from '../../extensions/app/cards/shared/useRemote.ts';

function Probe({ load, id }: { load: (() => Promise<string>) | null; id: string }) {
  const { state } = useRemote(load, id);
  const shown = state.status === 'success' ? `success:${state.value}` : state.status;
  return <Text testId="state">{shown}</Text>;
}

/** Changes the key of one mounted Probe, as a card does when the record or the page changes. */
function Switcher({ first, second }: { first: () => Promise<string>; second: () => Promise<string> }) {
  const [which, setWhich] = useState<'first' | 'second'>('first');
  return (
    <>
      <Button testId="switch" onClick={() => setWhich('second')}>
        switch
      </Button>
      <Probe load={which === 'first' ? first : second} id={which} />
    </>
  );
}

describe('useRemote', () => {
  it('is idle without a loader, loading then success with one', async () => {
    const idle = createRenderer('crm.record.tab');
    idle.render(<Probe load={null} id="none" />);
    expect(idle.findByTestId(Text, 'state').text).toBe('idle');
    const ok = createRenderer('crm.record.tab');
    ok.render(<Probe load={async () => 'A'} id="a" />);
    await ok.waitFor(() => expect(ok.findByTestId(Text, 'state').text).toBe('success:A'));
  });

  it('keeps the answer for the current key when an earlier one arrives late', async () => {
    let releaseFirst: (value: string) => void = () => {};
    const slow = () => new Promise<string>((resolve) => (releaseFirst = resolve));
    const card = createRenderer('crm.record.tab');
    card.render(<Switcher first={slow} second={async () => 'second'} />);
    expect(card.findByTestId(Text, 'state').text).toBe('loading');
    card.findByTestId(Button, 'switch').trigger('onClick');
    await card.waitFor(() => expect(card.findByTestId(Text, 'state').text).toBe('success:second'));
    releaseFirst('first');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(card.findByTestId(Text, 'state').text).toBe('success:second');
  });
});

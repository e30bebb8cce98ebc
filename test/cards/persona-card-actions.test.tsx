import {
  Alert,
  Button,
  Heading,
  hubspot,
  LoadingButton,
  LoadingSpinner,
  Select,
} from '@hubspot/ui-extensions';
import { CrmActionButton } from '@hubspot/ui-extensions/crm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACME, contact, deepText } from './fixtures.ts';
import { renderPersona } from './render.tsx';

afterEach(() => vi.restoreAllMocks());

const ok = (message = 'Saved Finance Leader as economic buyer.') => ({
  ok: true,
  message,
  written: ['rolecall_persona'],
  protectedProperties: [],
});

describe('persona card: loading and errors', () => {
  it('shows a spinner while the record loads, and guesses nothing', () => {
    const card = renderPersona(contact(), { contactState: { isLoading: true } });
    expect(card.find(LoadingSpinner).props.label).toMatch(/Reading this contact/);
    expect(card.maybeFind(Heading)).toBeNull();
  });

  it('shows a readable error with a retry that refetches', () => {
    const card = renderPersona(contact(), {
      contactState: { error: new Error('HubSpot did not answer (503).') },
    });
    const alert = card.findByTestId(Alert, 'error');
    expect(alert.props.title).toBe('Could not read this contact');
    expect(deepText(alert)).toContain('HubSpot did not answer (503).');
    card.findByTestId(Button, 'error-retry').trigger('onClick');
    expect(card.refetch.count).toBe(1);
  });

  it('still classifies from the title when the company cannot be read, and says so', () => {
    const card = renderPersona(contact({ jobtitle: 'CFO' }), {
      company: [ACME],
      companyState: { error: new Error('forbidden') },
    });
    expect(card.findByTestId(Alert, 'company-unread').props.title).toBe('Company not read');
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Finance Leader');
  });
});

describe('persona card: actions', () => {
  it('saves the suggestion through the app function, then refreshes the record', async () => {
    const serverless = vi.spyOn(hubspot, 'serverless').mockResolvedValue(ok());
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), { company: [ACME] });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() =>
      expect(deepText(card.findByTestId(Alert, 'save-done'))).toContain('Saved Finance Leader'),
    );
    expect(serverless).toHaveBeenCalledWith('save_classification', {
      parameters: {
        contactId: 123,
        mode: 'suggestion',
        persona: 'finance_leader',
        buyingRole: 'economic_buyer',
      },
    });
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(1);
    expect(card.refetch.count).toBe(1);
  });

  it("shows the function's own error sentence and retries the same request", async () => {
    const serverless = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValueOnce({ ok: false, errors: ['A person set this contact by hand.'] })
      .mockResolvedValueOnce(ok());
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), { company: [ACME] });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() =>
      expect(deepText(card.findByTestId(Alert, 'save-error'))).toContain(
        'A person set this contact by hand.',
      ),
    );
    expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(0);
    card.findByTestId(Button, 'save-error-retry').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'save-done' })).not.toBeNull());
    expect(serverless).toHaveBeenCalledTimes(2);
    expect(serverless.mock.calls[1]).toEqual(serverless.mock.calls[0]);
  });

  it('shows a failed call (network, timeout) as a readable error', async () => {
    vi.spyOn(hubspot, 'serverless').mockRejectedValue(new Error('Function timed out after 15 s.'));
    const card = renderPersona(contact({ jobtitle: 'CFO' }), { company: [ACME] });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() =>
      expect(deepText(card.findByTestId(Alert, 'save-error'))).toContain('Function timed out after 15 s.'),
    );
  });

  it('saves an override from the selects as manual, with who set it', async () => {
    const serverless = vi
      .spyOn(hubspot, 'serverless')
      .mockResolvedValue(ok('Saved, marked as set by a person.'));
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), { company: [ACME] });
    card.findByTestId(Select, 'override-persona').trigger('onChange', 'executive_leader' as never);
    card.findByTestId(Select, 'override-role').trigger('onChange', 'blocker' as never);
    card.findByTestId(Button, 'override-save').trigger('onClick');
    await vi.waitFor(() => expect(serverless).toHaveBeenCalledTimes(1));
    expect(serverless).toHaveBeenCalledWith('save_classification', {
      parameters: {
        contactId: 123,
        mode: 'override',
        persona: 'executive_leader',
        buyingRole: 'blocker',
        setBy: card.mocks.context.user.email,
      },
    });
    await vi.waitFor(() => expect(card.mocks.actions.refreshObjectProperties.callCount).toBe(1));
  });

  it('keeps the answer to the latest click when an earlier response arrives late', async () => {
    let releaseFirst: (value: unknown) => void = () => {};
    vi.spyOn(hubspot, 'serverless')
      .mockImplementationOnce(() => new Promise((resolve) => (releaseFirst = resolve)))
      .mockResolvedValueOnce(ok('second answer'));
    const card = renderPersona(contact({ jobtitle: 'Chief Financial Officer' }), { company: [ACME] });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    card.findByTestId(Button, 'override-save').trigger('onClick');
    await card.waitFor(() => expect(deepText(card.findByTestId(Alert, 'save-done'))).toBe('second answer'));
    releaseFirst({ ok: false, errors: ['stale first answer'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deepText(card.findByTestId(Alert, 'save-done'))).toBe('second answer');
    expect(card.maybeFind(Alert, { testId: 'save-error' })).toBeNull();
  });

  it('re-classifies on demand and when the title changes on the record', async () => {
    const card = renderPersona(contact({ jobtitle: 'Sales Manager' }), { company: [ACME] });
    card.findByTestId(Button, 'reclassify').trigger('onClick');
    expect(card.refetch.count).toBe(1);
    await vi.waitFor(() => expect(card.mocks.actions.onCrmPropertiesUpdate.callCount).toBeGreaterThan(0));
    const [properties, callback] = card.mocks.actions.onCrmPropertiesUpdate.calls[0] ?? [];
    expect(properties).toContain('jobtitle');
    (callback as () => void)();
    expect(card.refetch.count).toBe(2);
    card.update(contact({ jobtitle: 'Chief Financial Officer' }));
    expect(card.findByTestId(Heading, 'persona-name').text).toBe('Finance Leader');
  });

  it('subscribes to title changes once, however often it re-renders (HubSpot cannot unsubscribe)', async () => {
    vi.spyOn(hubspot, 'serverless').mockResolvedValue(ok());
    const card = renderPersona(contact({ jobtitle: 'CFO' }), { company: [ACME] });
    card.findByTestId(LoadingButton, 'save').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert, { testId: 'save-done' })).not.toBeNull());
    expect(card.mocks.actions.onCrmPropertiesUpdate.callCount).toBe(1);
  });

  it('offers workflow enrollment for this contact', () => {
    const card = renderPersona(contact({ jobtitle: 'CFO' }), { company: [ACME] });
    const enroll = card.findByTestId(CrmActionButton, 'enroll');
    expect(enroll.props.actionType).toBe('OPEN_WORKFLOW_ENROLLMENT_MODAL');
    expect(enroll.props.actionContext).toEqual({ objectTypeId: '0-1', objectId: 123 });
  });
});

import { useExtensionActions, useExtensionContext } from '@hubspot/ui-extensions';
import { useAssociations, useCrmProperties } from '@hubspot/ui-extensions/crm';
import {
  COMPANY_CARD_PROPERTIES,
  CONTACT_CARD_PROPERTIES,
  type CompanyFacts,
  companyFacts,
  type PersonaCardModel,
  type Playbook,
  personaCardModel,
  primaryCompany,
} from '@rolecall/core';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { type SaveRequest, saveClassification } from '../shared/saveClient.ts';
import { useGuardedAction } from '../shared/useGuardedAction.ts';

/** The record data behind the card, as a tagged union. */
export type PersonaCardData =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'success';
      model: PersonaCardModel;
      /** The contact's primary company, when it has one. */
      companyId: number | null;
      company: CompanyFacts;
    };

/** Reads the contact and its company, classifies, and offers the save, override and re-classify actions. */
export function usePersonaCard(playbook: Playbook, now: () => Date = () => new Date()) {
  const context = useExtensionContext<'crm.record.tab'>();
  const actions = useExtensionActions<'crm.record.tab'>();
  const contact = useCrmProperties([...CONTACT_CARD_PROPERTIES]);
  const company = useAssociations({
    toObjectType: '0-2',
    properties: [...COMPANY_CARD_PROPERTIES],
    pageLength: 10,
  });
  const contactId = Number(context.crm.objectId);
  const { refetch: refetchContact } = contact;
  const { refetch: refetchCompany } = company;

  const reclassify = useCallback(() => {
    void refetchContact();
    void refetchCompany();
  }, [refetchContact, refetchCompany]);

  // A title edited elsewhere on the record re-classifies the card without a click. HubSpot offers no way to
  // unsubscribe, so subscribe once and reach the latest refetch through a ref.
  const latestRefetch = useRef(refetchContact);
  latestRefetch.current = refetchContact;
  const { onCrmPropertiesUpdate } = actions;
  useEffect(() => {
    onCrmPropertiesUpdate(['jobtitle', 'hs_seniority'], () => void latestRefetch.current());
  }, [onCrmPropertiesUpdate]);

  const lastRequest = useRef<SaveRequest | null>(null);
  const task = useCallback(
    async (request: SaveRequest) => {
      lastRequest.current = request;
      const outcome = await saveClassification(request);
      actions.refreshObjectProperties(); // the record page shows the new values
      await refetchContact(); // and so does the card
      return outcome.message;
    },
    [actions, refetchContact],
  );
  const save = useGuardedAction(task);

  const data: PersonaCardData = useMemo(() => {
    if (contact.isLoading || company.isLoading) return { status: 'loading' };
    if (contact.error) return { status: 'error', error: contact.error };
    const primary = company.error ? undefined : primaryCompany(company.results);
    const model = personaCardModel(contact.properties, primary?.properties ?? {}, playbook, {
      now: now(),
      companyUnreadable: company.error !== null,
    });
    return {
      status: 'success',
      model,
      companyId: primary ? primary.toObjectId : null,
      company: companyFacts(primary?.properties ?? {}),
    };
  }, [contact, company, playbook, now]);

  return {
    data,
    contactId,
    save: save.state,
    reclassify,
    saveSuggestion: (model: PersonaCardModel) =>
      save.start({ contactId, mode: 'suggestion', persona: model.personaId, buyingRole: model.roleId }),
    override: (choice: { persona: string; buyingRole: string }) =>
      save.start({ contactId, mode: 'override', ...choice, setBy: context.user?.email ?? '' }),
    retrySave: () => {
      if (lastRequest.current) void save.start(lastRequest.current);
    },
  };
}

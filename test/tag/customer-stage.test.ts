import { describe, expect, it } from 'vitest';
import { classify } from '../../src/classify/classify.ts';
import { contactFacts } from '../../src/hubspot/record-input.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { factsOf } from '../../src/server/tagger.ts';
import { PLAN_READ_PROPERTIES } from '../../src/tag/plan.ts';

/** Bulk tagging and the backend read `lifecyclestage`, so a customer's CFO gets the customer persona. */
describe('lifecycle stage reaches classify() from every tagging path', () => {
  const record = (lifecyclestage?: string) => ({
    id: '7',
    properties: { jobtitle: 'CFO', ...(lifecyclestage ? { lifecyclestage } : {}) },
  });

  it('is read with every contact', () => {
    expect(PLAN_READ_PROPERTIES).toContain('lifecyclestage');
  });

  it('a customer CFO is the renewal owner, a lead CFO the finance leader', () => {
    const customer = classify(
      contactFacts(record('customer').properties),
      { employees: 400 },
      defaultPlaybook,
    );
    const lead = classify(contactFacts(record('lead').properties), { employees: 400 }, defaultPlaybook);
    expect(customer.persona).toBe('renewal_owner');
    expect(lead.persona).toBe('finance_leader');
  });

  it('backend: the same for webhooks, the workflow action and bulk-classify', () => {
    const { facts } = factsOf(record('customer') as never, undefined);
    expect(classify(facts, { employees: 400 }, defaultPlaybook).persona).toBe('renewal_owner');
  });
});

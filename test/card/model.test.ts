import { describe, expect, it } from 'vitest';
import { personaCardModel } from '../../src/card/model.ts';
import { companyFacts, primaryCompany } from '../../src/card/record-facts.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';

const acme = { name: 'Acme', numberofemployees: '250' };

describe('personaCardModel (pure)', () => {
  it('never throws and never guesses on weird input', () => {
    const weird = ['\u0000\u0007', '😀'.repeat(500), 'x'.repeat(20_000), '<script>alert(1)</script>', '   '];
    for (const jobtitle of weird) {
      const model = personaCardModel(
        { jobtitle },
        { numberofemployees: 'lots', name: null },
        defaultPlaybook,
      );
      expect(['empty', 'unknown', 'negative', 'persona']).toContain(model.kind);
      expect(model.why.length).toBeLessThan(400);
    }
    expect(companyFacts({ numberofemployees: 'lots', annualrevenue: 'about a million' })).toMatchObject({
      employees: null,
      annualRevenue: null,
    });
  });

  it("keeps a person's value even when they set only the role, or a persona the playbook no longer has", () => {
    const onlyRole = personaCardModel(
      { jobtitle: 'CFO', rolecall_buying_role: 'blocker', rolecall_source: 'manual' },
      acme,
      defaultPlaybook,
    );
    expect(onlyRole).toMatchObject({ status: 'manual', roleId: 'blocker', personaId: 'unknown' });
    const retired = personaCardModel(
      {
        jobtitle: 'CFO',
        rolecall_persona: 'old_persona',
        rolecall_buying_role: 'champion',
        rolecall_source: 'manual',
      },
      acme,
      defaultPlaybook,
    );
    expect(retired).toMatchObject({ status: 'manual', personaId: 'old_persona', kind: 'persona' });
  });

  it('treats an auto value with the same role and persona as saved, anything else as outdated', () => {
    const base = { jobtitle: 'CFO', rolecall_source: 'auto' };
    const saved = personaCardModel(
      { ...base, rolecall_persona: 'finance_leader', rolecall_buying_role: 'economic_buyer' },
      acme,
      defaultPlaybook,
    );
    expect(saved.status).toBe('saved');
    const stale = personaCardModel(
      { ...base, rolecall_persona: 'finance_leader', rolecall_buying_role: 'influencer' },
      acme,
      defaultPlaybook,
    );
    expect(stale.status).toBe('outdated');
  });

  it('picks the primary company (association type 1) over the others', () => {
    const other = { associationTypes: [{ typeId: 279 }], id: 'other' };
    const primary = { associationTypes: [{ typeId: 279 }, { typeId: 1 }], id: 'primary' };
    expect(primaryCompany([other, primary])?.id).toBe('primary');
    expect(primaryCompany([other])?.id).toBe('other');
    expect(primaryCompany([])).toBeUndefined();
  });
});

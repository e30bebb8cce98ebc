import { describe, expect, it } from 'vitest';
import { amountText, companyDealLines, contactDealLines, dealCardModel } from '../../src/card/deal-model.ts';
import { defaultPlaybook } from '../../src/playbook/default.ts';
import { CARLA, evaluation, NOW, SAM } from '../cards/deal-fixtures.ts';

const model = (ownershipKnown: boolean, contacts = [CARLA, SAM]) =>
  dealCardModel({
    evaluation: evaluation(contacts),
    playbook: defaultPlaybook,
    labelledRoles: ['economic_buyer', 'decision_maker'],
    ownershipKnown,
    now: NOW,
  });

describe('deal card model', () => {
  it("says a label is a person's only when the audit log can tell", () => {
    const sam = (known: boolean) => model(known).people.find((p) => p.id === SAM.id);
    expect(sam(false)).toMatchObject({
      role: 'decision_maker',
      source: 'label',
      why: 'labelled on this deal',
    });
    expect(sam(true)).toMatchObject({
      role: 'decision_maker',
      source: 'person',
      why: 'labelled by a person',
    });
    expect(model(true).people.find((p) => p.id === CARLA.id)).toMatchObject({ source: 'rolecall' });
  });

  it('marks which missing roles can be labelled, and reads activity and amounts as people say them', () => {
    const m = model(false);
    const byRole = new Map(m.roles.map((r) => [r.role, r]));
    expect(byRole.get('economic_buyer')?.canLabel).toBe(true);
    expect(byRole.get('champion')?.canLabel).toBe(false);
    expect(m.configured).toBe(true);
    expect(m.people[0]?.activityText).toBe('last activity 3 days ago');
    expect(amountText(null)).toBe('no amount');
    expect(amountText(1_250_000)).toBe('1,250,000');
  });

  it('open-deal lines: a closed deal is left out; the company line names what is missing', () => {
    const closed = { ...evaluation([CARLA], { id: '9', name: 'Old deal' }), open: false };
    const lines = contactDealLines([evaluation(), closed], CARLA.id, defaultPlaybook);
    expect(lines.map((l) => l.text)).toEqual(['Globex platform — Economic buyer (rolecall)']);
    expect(contactDealLines([evaluation()], 'nobody', defaultPlaybook)).toEqual([]);
    expect(companyDealLines([evaluation([CARLA]), closed], defaultPlaybook).map((l) => l.text)).toEqual([
      'Globex platform: 1 of 4 roles, missing decision maker, champion and technical evaluator, single-threaded',
    ]);
  });
});

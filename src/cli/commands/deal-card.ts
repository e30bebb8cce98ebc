import type { DealCardModel } from '../../card/deal-model.ts';
import { dealBuyingGroup } from '../../functions/deal-group.ts';
import type { Gateway } from '../../hubspot/gateway.ts';
import type { Playbook } from '../../playbook/schema.ts';
import { CliError, UsageError } from '../errors.ts';

/**
 * `rolecall deals --card <id>`: one deal as the HubSpot deal card shows it, from the same handler and model;
 * the audit log says which labels rolecall wrote, so a person's label is named as such.
 */
export async function printDealCard(input: {
  gateway: Gateway;
  playbook: Playbook;
  dealId: string;
  owned: (dealIds: readonly string[]) => Set<string>;
  json: boolean;
}): Promise<void> {
  if (!/^\d+$/.test(input.dealId)) {
    throw new UsageError(`--card needs a deal id (digits), e.g. --card 1234; got "${input.dealId}".`);
  }
  const result = await dealBuyingGroup(
    { dealId: input.dealId },
    { gateway: input.gateway, playbook: input.playbook, now: () => new Date(), owned: input.owned },
  );
  if (!result.ok) throw new CliError(result.errors.join(' '));
  process.stdout.write(input.json ? `${JSON.stringify(result.card)}\n` : dealCardText(result.card));
}

const STATUS = { engaged: '✔ engaged', filled: '· no recent activity', missing: '✖ missing' } as const;

/** The deal card as text, top to bottom. */
export function dealCardText(card: DealCardModel): string {
  const d = card.deal;
  const lines = [
    `${d.name} (${d.id}) · ${d.kindText} · ${d.stage} · amount ${d.amountText} · ${d.sizeBand} deal`,
    card.headline,
    ...(card.singleThreaded ? ['⚠ Single-threaded: one contact carries this deal.'] : []),
    ...(card.configured ? [] : ['⚠ Rolecall\'s deal labels are not set up: run "rolecall setup".']),
    ...(card.kind === 'empty' ? ['No contacts on this deal yet.'] : []),
  ];
  for (const role of card.roles) {
    lines.push('', `${role.label}: ${STATUS[role.status]}`);
    for (const id of role.holders) {
      const p = card.people.find((x) => x.id === id);
      if (p) lines.push(`  ${p.name}${p.title ? `, ${p.title}` : ''} (${p.why}; ${p.activityText})`);
    }
    for (const c of role.candidates) lines.push(`  + bring in ${c.name}: ${c.why}`);
    for (const point of role.talkingPoints) lines.push(`  » ${point}`);
  }
  const held = new Set(card.roles.flatMap((r) => r.holders));
  const others = card.people.filter((p) => !held.has(p.id));
  if (others.length > 0) lines.push('', 'Also on this deal:');
  for (const p of others) lines.push(`  ${p.name} → ${p.roleLabel} (${p.why})`);
  return `${lines.join('\n')}\n`;
}

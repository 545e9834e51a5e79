import { ownCheck, type Refusal } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import { stopWith, type AgentOperationContext } from './steps';

/** The in-group VICIdial transfers to one agent through: `phone_number` names the agent. */
export const AGENT_DIRECT = 'AGENTDIRECT';

/** `ERROR: ingroup is not valid - <group>`: the group echoed as resolved (DEFAULTINGROUP: the campaign's, or empty). */
export const ingroupNotValid = (group: string): Refusal => ownCheck('line', `ERROR: ingroup is not valid - ${group}`);

/** The core's QUEUE_NOT_FOUND: the group went inactive or away between the check and the transfer. */
export const groupGone: Refusal = { kind: 'own_check', end: 'line', text: (_ctx, details) => `ERROR: ingroup is not valid - ${utf8ToBytes(String(details.queueName ?? ''))}` };

/**
 * The in-group a transfer goes to (wire bytes), as VICIdial's script reads
 * it: `ingroup_choices` as given, or, when it contains `DEFAULTINGROUP`,
 * the default transfer group of the campaign (empty when the campaign has
 * none, or there is no campaign).
 */
export async function transferGroupOf(ctx: AgentOperationContext, campaignId: string | null): Promise<string> {
  const given = ctx.request.ingroup_choices;
  if (!given.includes('DEFAULTINGROUP')) return given;
  const campaign = campaignId === null ? null : await ctx.core.getCampaign(campaignId);
  return utf8ToBytes(campaign?.defaultXferGroup ?? '');
}

/** The queue a group names: VICIdial's database compares names without their trailing spaces. */
export const queueNameOf = (group: string): string => bytesToText(group.trimEnd());

/** VICIdial's check: a group of 2 bytes or more that is an active in-group, else its "not valid" line. */
export async function checkTransferGroup(ctx: AgentOperationContext, group: string): Promise<void> {
  const queue = group.length < 2 ? null : await ctx.core.getQueue(queueNameOf(group));
  if (!queue?.active) throw stopWith(ingroupNotValid(group));
}

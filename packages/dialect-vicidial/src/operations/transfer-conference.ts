import type { Call } from '@pbx-gateway/core';
import { agentCommand } from '../agent-api/agent-command';
import { groupAliasCallerId } from '../agent-api/group-alias';
import { currentCustomerCall, customerNumberOf } from '../agent-api/agent-call';
import { stopWith, type AgentOperationContext } from '../agent-api/steps';
import { echoedAgent, ownCheck, type Refusal } from '../errors';
import { AGENT_DIRECT, checkTransferGroup, groupGone, queueNameOf, transferGroupOf } from '../agent-api/transfer-group';
import { wireCallId } from '../wire/call-id';
import { multiDialNumbers, storedMultiDialRows } from '../agent-api/multi-dial';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

/** Values that take a number, a group alias and a caller id choice. */
const DIALLING = new Set(['BLIND_TRANSFER', 'LEAVE_VM', 'DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL', 'LOCAL_CLOSER']);
/** Values that take nothing. */
const PLAIN = new Set(['HANGUP_XFER', 'HANGUP_BOTH', 'LEAVE_3WAY_CALL']);
/** Values refused with `tw_check=YES` while a third party is on the call. */
const TW_CHECKED = new Set(['DIAL_WITH_CUSTOMER', 'PARK_CUSTOMER_DIAL', 'LOCAL_CLOSER']);
/** VICIdial accepts a `cid_choice` of 2 bytes or more that contains one of its choices. */
const CID_CHOICE = /CAMPAIGN|AGENT_PHONE|CUSTOMER|CUSTOM_CID/;

const noLiveCall: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: agent_user does not have a live call - ${echoedAgent(ctx)}` };

/** Gateway choice: a number the core will not dial is refused with ra_call_control's wording. */
const numberNotValid: Refusal = { kind: 'not_valid', end: 'line', text: (ctx) => `ERROR: phone_number is not valid - ${ctx.request.phone_number}` };

/** The one third party the gateway keeps per call is there already: tw_check's line, with that count. */
const threeWayActive: Refusal = {
  kind: 'own_check',
  end: 'exit',
  text: (ctx) => `ERROR: agent_user has current active 3-way call - ${echoedAgent(ctx)}|1|0|${ctx.request.tw_check}`,
};

/**
 * `|Multi-phones: <accepted> <given> <stored>` (only for a `multi_dial_phones`
 * longer than 4 bytes), as VICIdial's script counts: the entries kept, the
 * comma-separated entries, and the rows stored for the agent's request
 * (none without an entry kept). The request is kept (one per agent, as
 * VICIdial keeps it); the gateway dials none of its numbers.
 */
async function multiPhones(ctx: AgentOperationContext, agentId: string, given: string): Promise<string> {
  if (given.length <= 4) return '';
  const numbers = multiDialNumbers(given);
  const stored = numbers.kept.length > 0 ? storedMultiDialRows(await ctx.core.recordMultiDialRequest({ agentId, numbers: numbers.kept.map(bytesToText) })) : 0;
  return `|Multi-phones: ${numbers.kept.length} ${numbers.given} ${stored}`;
}

/** The number the third party sees, by `cid_choice`; null: the customer call's own caller id (the campaign's). */
function callerIdFor(choice: string, call: Call, phoneNumber: string): string | null {
  if (choice === 'CUSTOMER') return customerNumberOf(call);
  if (choice === 'AGENT_PHONE' && /^\+?[0-9]+$/.test(phoneNumber)) return phoneNumber;
  return null;
}

/**
 * transfer_conference (seed 002, spec §3.2): third parties and transfers on
 * the agent's customer call, carried out by the core (transfers/): dial a
 * third party with the customer (3-way call), park the customer and dial,
 * hang up the third party or both, leave the 3-way call, transfer the
 * customer blind or into an in-group (LOCAL_CLOSER; through AGENTDIRECT to
 * the agent `phone_number` names). LEAVE_VM: the customer is left with the
 * message and the agent goes to after-call work. A consultative dial
 * (`consultative=YES`) dials the in-group itself as the third party: one of
 * its agents takes it as a call of its own, with the lead, and talks with
 * agent and customer.
 */
export const transferConference = agentCommand({
  name: 'transfer_conference',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value.length < 8 || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut(ctx, { value, agentId, agentUser }) {
    const { core, request } = ctx;
    const live = await currentCustomerCall(ctx, agentId);
    if (!live) throw stopWith(noLiveCall);
    const session = await core.getAgentSession(agentId);
    const consultative = (value === 'DIAL_WITH_CUSTOMER' || value === 'PARK_CUSTOMER_DIAL') && request.consultative === 'YES';
    // Only LOCAL_CLOSER and consultative dials read the group (DEFAULTINGROUP resolved); the others echo it as given.
    const toGroup = value === 'LOCAL_CLOSER' || consultative;
    const group = toGroup ? await transferGroupOf(ctx, session?.campaignId ?? null) : request.ingroup_choices;
    if (toGroup) await checkTransferGroup(ctx, group);
    let aliasCallerId: string | null = null;
    if (DIALLING.has(value)) {
      if (request.group_alias.length > 1) aliasCallerId = bytesToText(await groupAliasCallerId(ctx, agentUser, request.group_alias));
      if (request.cid_choice.length > 1 && !CID_CHOICE.test(request.cid_choice)) {
        throw stopWith(ownCheck('exit', `ERROR: cid_choice is not valid - ${agentUser}|${request.cid_choice}`));
      }
    } else if (!PLAIN.has(value)) {
      throw stopWith(ownCheck('line', `ERROR: value is not valid - ${value}|${request.user}`));
    }
    // VICIdial keeps the multi-dial request before its 3-way checks, which may still refuse the transfer.
    const multi = await multiPhones(ctx, agentId, request.multi_dial_phones);
    const thirdParties = live.legs.filter((leg) => leg.role === 'third_party' && leg.state !== 'ended').length;
    // tw_check: a 3-way line on the call refuses a dial (one more line) and LOCAL_CLOSER (which would hang it up).
    if (TW_CHECKED.has(value) && request.tw_check === 'YES' && thirdParties > 0) {
      throw stopWith(ownCheck('exit', `ERROR: agent_user has current active 3-way call - ${agentUser}|${thirdParties}|0|${request.tw_check}`));
    }
    // md_check counts press-1 calls of a multi-dial, which the gateway does not place: there are never any.

    // A group alias names the caller id outright; cid_choice picks one otherwise.
    const callerId = aliasCallerId ?? callerIdFor(request.cid_choice, live.call, session?.phoneNumber ?? '');
    const party = { number: bytesToText(request.phone_number), callerId };
    const done =
      value === 'LOCAL_CLOSER'
        ? await intoGroup(ctx, agentId, group)
        : consultative
          ? await consultGroup(ctx, agentId, group, value === 'PARK_CUSTOMER_DIAL', callerId)
          : await carryOutValue(ctx, value, agentId, party);
    const line =
      `SUCCESS: transfer_conference function set - ${value}|${group}|${request.phone_number}|${request.consultative}|${agentUser}|` +
      `${utf8ToBytes(wireCallId(live.call.id))}${multi}|`;
    return { comment: `transfer_conference: ${done}`, line };
  },
  errors: {
    NO_ACTIVE_CALL: noLiveCall,
    INVALID_NUMBER: numberNotValid,
    INVALID_ARGUMENT: threeWayActive,
    // AGENTDIRECT to an agent nobody knows (gateway only, as a number that cannot be dialled).
    AGENT_NOT_FOUND: numberNotValid,
    QUEUE_NOT_FOUND: groupGone,
  },
});

/**
 * LOCAL_CLOSER: the customer waits in the in-group for its agents; through
 * AGENTDIRECT, for the one agent `phone_number` names (member of the group
 * or not). A third party on the call is hung up with the agent's part.
 */
async function intoGroup(ctx: AgentOperationContext, agentId: string, group: string): Promise<string> {
  const { queueName, forAgentId } = groupTarget(ctx, group);
  const { callId } = await ctx.core.transferToQueue({ agentId, queueName, forAgentId });
  return `customer queued in ${queueName}${forAgentId === null ? '' : ` for agent ${forAgentId}`} (call ${callId})`;
}

/**
 * A consultative dial (DIAL_WITH_CUSTOMER / PARK_CUSTOMER_DIAL with
 * `consultative=YES`): the in-group is dialled as the third party, as
 * VICIdial places a call of its own into the in-group; its agent (through
 * AGENTDIRECT the one `phone_number` names) takes it with the lead and
 * talks with the agent and the customer (or the agent alone, the customer
 * parked).
 */
async function consultGroup(ctx: AgentOperationContext, agentId: string, group: string, parkCustomer: boolean, callerId: string | null): Promise<string> {
  const { queueName, forAgentId } = groupTarget(ctx, group);
  await ctx.core.dialQueueThirdParty({ agentId, parkCustomer, queueName, forAgentId, callerId });
  return `${parkCustomer ? 'customer parked, ' : ''}in-group ${queueName} dialled${forAgentId === null ? '' : ` for agent ${forAgentId}`}`;
}

/** The queue of an in-group, and through AGENTDIRECT the agent `phone_number` names (refused when empty). */
function groupTarget(ctx: AgentOperationContext, group: string): { queueName: string; forAgentId: string | null } {
  const queueName = queueNameOf(group);
  const forAgentId = queueName === AGENT_DIRECT ? bytesToText(ctx.request.phone_number) : null;
  if (forAgentId === '') throw stopWith(numberNotValid);
  return { queueName, forAgentId };
}

async function carryOutValue(ctx: AgentOperationContext, value: string, agentId: string, party: { number: string; callerId: string | null }): Promise<string> {
  const { core } = ctx;
  switch (value) {
    case 'HANGUP_XFER': {
      const { hungUp } = await core.hangupThirdParty({ agentId });
      return hungUp ? 'third party hung up' : 'no third party';
    }
    case 'HANGUP_BOTH':
      await core.hangupCallParties({ agentId });
      return 'customer and third party hung up';
    case 'LEAVE_3WAY_CALL':
      await core.leaveThreeWayCall({ agentId });
      return 'agent left the 3-way call';
    case 'BLIND_TRANSFER':
      await core.blindTransfer({ agentId, ...party });
      return `customer transferred to ${party.number}`;
    case 'LEAVE_VM': {
      // The lead's own message (vm_message), else the usual one.
      const session = await core.getAgentSession(agentId);
      const own = session?.lead ? await core.getLeadVoicemailMessage(session.lead.leadId) : null;
      const files = own?.files ?? [ctx.settings.voicemailMessage];
      await core.leaveCustomerMessage({ agentId, media: files.map((name) => ({ kind: 'sound' as const, name })) });
      return `customer left with the message ${files.join('|')}`;
    }
    case 'PARK_CUSTOMER_DIAL':
      await core.dialThirdParty({ agentId, parkCustomer: true, ...party });
      return `customer parked, ${party.number} dialled`;
    default:
      await core.dialThirdParty({ agentId, ...party });
      return `${party.number} dialled with the customer`;
  }
}

import type { JSONSchemaType } from 'ajv';
import { isLiveCustomerCall } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { checkAllowList, liveSession, stopWith } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck, type Refusal } from '../errors';
import { AGENT_DIRECT, checkTransferGroup, groupGone, queueNameOf, transferGroupOf } from '../agent-api/transfer-group';
import { callIdOfWire } from '../wire/call-id';
import { bytesToText } from '../wire/php-params';

interface RaCallControlInput {
  value: string;
  agent_user: string;
  stage: string;
  status: string;
}

const schema: JSONSchemaType<RaCallControlInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    stage: { type: 'string', pattern: PATTERNS.stage },
    status: { type: 'string', pattern: PATTERNS.identifier },
  },
  required: ['value', 'agent_user', 'stage', 'status'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'stage', 'status']);

/** The call's status when the request gives none (seed 002). */
const DEFAULT_STATUS = 'RAXFER';
/** VICIdial's status columns hold 6 characters: a longer status is cut, as MySQL stores it. */
const STATUS_LENGTH = 6;

/** The status the call and its lead take: `status` cut to 6 characters, RAXFER when empty. */
const callStatusOf = (status: string): string => (status === '' ? DEFAULT_STATUS : [...bytesToText(status)].slice(0, STATUS_LENGTH).join(''));

const noActiveCall: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: no active call found - ${ctx.request.value}` };
const numberNotValid: Refusal = { kind: 'not_valid', end: 'line', text: (ctx) => `ERROR: phone_number is not valid - ${ctx.request.phone_number}` };

/**
 * ra_call_control (seed 002, spec §3.2): hangs up, or transfers, a customer
 * call named by its call ID (the ID transfer_conference echoes), whoever's
 * it is; `agent_user` is any logged-in agent and only echoed. The gateway
 * has no remote agents of its own: any live customer call of an agent can be
 * named, its callout or an inbound call it took (the caller its customer).
 * EXTENSIONTRANSFER transfers the customer blind to `phone_number`, as
 * transfer_conference BLIND_TRANSFER does; INGROUPTRANSFER puts the
 * customer in an in-group (`DEFAULTINGROUP`: the default transfer group of
 * the campaign of the call's agent), as LOCAL_CLOSER does. On success the
 * call's log entry and its lead take `status` (RAXFER when not given), and
 * the agent whose lead it is moves on as after that disposition.
 */
export const raCallControl = defineAgentOperation({
  name: 'ra_call_control',
  function: 'ra_call_control',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, { value, agent_user: agentUser, stage, status: givenStatus }): Promise<string> {
    if (value.length < 1 || agentUser.length < 1 || stage.length < 1) {
      throw stopWith(ownCheck('line', `ERROR: ra_call_control not valid - ${value}|${agentUser}|${stage}`));
    }
    checkAllowList(ctx, value);
    ctx.target = { agentUser };
    if (!(await liveSession(ctx, agentUser))) throw stopWith(agentNotLoggedIn);
    const callId = callIdOfWire(bytesToText(value));
    const found = await ctx.core.getCall(callId);
    if (!found || !isLiveCustomerCall(found.call)) throw stopWith(noActiveCall);
    const { phone_number: phoneNumber } = ctx.request;
    const status = callStatusOf(givenStatus);
    switch (stage) {
      case 'HANGUP':
        await ctx.core.hangupCall({ callId, status });
        ctx.answer.actionComment(`ra_call_control: call ${callId} hung up, status ${status}`);
        return `SUCCESS: ra_call_control hungup - ${agentUser}|${value}|HANGUP`;
      case 'EXTENSIONTRANSFER':
        if (phoneNumber.length < 2) throw stopWith(numberNotValid);
        await ctx.core.transferCall({ callId, status, number: bytesToText(phoneNumber), callerId: null });
        ctx.answer.actionComment(`ra_call_control: call ${callId} transferred to ${bytesToText(phoneNumber)}, status ${status}`);
        return `SUCCESS: ra_call_control transfer - ${agentUser}|${value}|${phoneNumber}`;
      case 'INGROUPTRANSFER': {
        const campaignId = found.call.agentId === null ? null : ((await ctx.core.getAgentSession(found.call.agentId))?.campaignId ?? null);
        const group = await transferGroupOf(ctx, campaignId);
        await checkTransferGroup(ctx, group);
        const queueName = queueNameOf(group);
        // Through AGENTDIRECT, `phone_number` names the agent, as transfer_conference's LOCAL_CLOSER reads it.
        const forAgentId = queueName === AGENT_DIRECT ? bytesToText(phoneNumber) : null;
        if (forAgentId === '') throw stopWith(numberNotValid);
        const queued = await ctx.core.transferCallToQueue({ callId, status, queueName, forAgentId });
        ctx.answer.actionComment(`ra_call_control: call ${callId} queued in ${queueName} (call ${queued.callId}), status ${status}`);
        return `SUCCESS: ra_call_control transfer - ${agentUser}|${value}|${phoneNumber}`;
      }
      default:
        throw stopWith(ownCheck('line', `ERROR: stage is not valid - ${stage}`));
    }
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
  errors: {
    NO_ACTIVE_CALL: noActiveCall,
    INVALID_NUMBER: numberNotValid,
    AGENT_NOT_FOUND: numberNotValid,
    QUEUE_NOT_FOUND: groupGone,
    // A third party on the call (the gateway's agents can have one): transfer_conference's words for it.
    INVALID_ARGUMENT: { kind: 'own_check', end: 'exit', text: (ctx) => `ERROR: agent_user has current active 3-way call - ${ctx.request.agent_user}|1|0|` },
  },
});

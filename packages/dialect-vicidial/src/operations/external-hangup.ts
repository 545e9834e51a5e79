import type { JSONSchemaType } from 'ajv';
import { serviceUnavailableLine, telephonyFailedLine, wireErrorOf } from '../errors';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { agentIdOf, liveSession, logUnexpected, passesAllowList, resolveAgentUser, type AgentOperation } from '../agent-api/steps';

interface ExternalHangupInput {
  value: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<ExternalHangupInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
  },
  required: ['value', 'agent_user', 'alt_user'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'alt_user']);

/**
 * external_hangup (seed 002, spec §3.2): hangs up the customer side of the
 * agent's current call; the agent's phone stays in the session. Any non-empty
 * value is accepted (the 2012 document allowed only `1`). Without a call
 * there is nothing to hang up, which VICIdial also answers with SUCCESS.
 */
export const externalHangup: AgentOperation = {
  name: 'external_hangup',
  async run(ctx) {
    const { value, agent_user: givenAgent, alt_user: altUser } = readInput(ctx.request);
    const { answer, core } = ctx;
    if (value.length < 1 || (givenAgent.length < 1 && altUser.length < 2)) {
      answer.line(`ERROR: external_hangup not valid - ${value}|${givenAgent}`);
      return { agentId: givenAgent || null };
    }
    if (!passesAllowList(ctx, value)) return { agentId: givenAgent || null };
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    const session = await liveSession(ctx, agentUser);
    if (!session) {
      answer.line(`ERROR: agent_user is not logged in - ${agentUser}`);
      return { agentId: agentUser || null };
    }
    const agentId = agentIdOf(agentUser);
    try {
      const { hungUp } = await core.hangupAgentCustomer({ agentId });
      answer.actionComment(`external_hangup: ${hungUp ? 'customer of agent ' + agentUser + ' hung up' : 'agent ' + agentUser + ' has no call'}`);
    } catch (error) {
      switch (wireErrorOf(error, 'external_hangup')) {
        case 'agent_not_logged_in':
          answer.line(`ERROR: agent_user is not logged in - ${agentUser}`);
          break;
        case 'telephony_failed':
          logUnexpected(ctx, error);
          answer.exitWith(telephonyFailedLine('external_hangup', agentUser));
          break;
        default:
          logUnexpected(ctx, error);
          answer.exitWith(serviceUnavailableLine('external_hangup', agentUser));
      }
      return { agentId };
    }
    answer.line(`SUCCESS: external_hangup function set - ${value}|${agentUser}`);
    return { agentId };
  },
};

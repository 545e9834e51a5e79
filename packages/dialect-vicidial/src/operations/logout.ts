import type { JSONSchemaType } from 'ajv';
import { serviceUnavailableLine, telephonyFailedLine, wireErrorOf } from '../errors';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { agentIdOf, liveSession, logUnexpected, passesAllowList, resolveAgentUser, type AgentOperation } from '../agent-api/steps';

interface LogoutInput {
  value: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<LogoutInput> = {
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
 * logout (seed 002, spec §3.2): ends the agent's session now, or when the
 * current call ends (VICIdial: after the call is dispositioned).
 */
export const logout: AgentOperation = {
  name: 'logout',
  async run(ctx) {
    const { value, agent_user: givenAgent, alt_user: altUser } = readInput(ctx.request);
    const { answer, core } = ctx;
    if (value.length < 1 || (givenAgent.length < 1 && altUser.length < 1) || !value.includes('LOGOUT')) {
      answer.line(`ERROR: logout not valid - ${value}|${givenAgent}`);
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
      const outcome = await core.logoutAgent({ agentId, whenInCall: 'defer' });
      answer.actionComment(`logout: agent ${agentUser} ${outcome === 'logout_pending' ? 'logs out when the current call ends' : 'logged out'}`);
    } catch (error) {
      switch (wireErrorOf(error, 'logout')) {
        case 'agent_not_logged_in':
          answer.line(`ERROR: agent_user is not logged in - ${agentUser}`);
          break;
        case 'telephony_failed':
          logUnexpected(ctx, error);
          answer.exitWith(telephonyFailedLine('logout', agentUser));
          break;
        default:
          logUnexpected(ctx, error);
          answer.exitWith(serviceUnavailableLine('logout', agentUser));
      }
      return { agentId };
    }
    answer.line(`SUCCESS: logout function set - ${value}|${ctx.epoch}|${agentUser}`);
    return { agentId };
  },
};

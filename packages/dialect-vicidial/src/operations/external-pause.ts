import type { JSONSchemaType } from 'ajv';
import { serviceUnavailableLine, telephonyFailedLine, wireErrorOf } from '../errors';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { agentIdOf, liveSession, logUnexpected, passesAllowList, resolveAgentUser, type AgentOperation } from '../agent-api/steps';

interface ExternalPauseInput {
  value: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<ExternalPauseInput> = {
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
 * external_pause (seed 002, spec §3.2): PAUSE pauses the agent now, or once
 * the current call ends (the core's `pause_pending`); RESUME makes a paused or
 * wrapping-up agent ready and is refused for an agent who is not paused.
 * A value containing RESUME resumes, any other (it contains PAUSE) pauses.
 */
export const externalPause: AgentOperation = {
  name: 'external_pause',
  async run(ctx) {
    const { value, agent_user: givenAgent, alt_user: altUser } = readInput(ctx.request);
    const { answer, core } = ctx;
    if (value.length < 1 || (givenAgent.length < 1 && altUser.length < 1) || !/PAUSE|RESUME/.test(value)) {
      answer.line(`ERROR: external_pause not valid - ${value}|${givenAgent}`);
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
    const resume = value.includes('RESUME');
    try {
      if (resume) {
        await core.resumeAgent({ agentId });
        answer.actionComment(`external_pause: agent ${agentUser} resumed`);
      } else {
        const outcome = await core.pauseAgent({ agentId, reason: null });
        answer.actionComment(`external_pause: agent ${agentUser} ${outcome === 'pause_pending' ? 'pauses when the current call ends' : 'paused'}`);
      }
    } catch (error) {
      switch (wireErrorOf(error, 'external_pause')) {
        case 'agent_not_paused':
          answer.exitWith(`ERROR: external_pause agent is not paused - ${value}|${agentUser}`);
          break;
        case 'agent_not_logged_in':
          answer.line(`ERROR: agent_user is not logged in - ${agentUser}`);
          break;
        case 'telephony_failed':
          logUnexpected(ctx, error);
          answer.exitWith(telephonyFailedLine('external_pause', agentUser));
          break;
        default:
          logUnexpected(ctx, error);
          answer.exitWith(serviceUnavailableLine('external_pause', agentUser));
      }
      return { agentId };
    }
    answer.line(`SUCCESS: external_pause function set - ${value}|${ctx.epoch}|${agentUser}`);
    return { agentId };
  },
};

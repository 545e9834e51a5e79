import { agentCommand } from '../agent-api/agent-command';
import { echoedAgent } from '../errors';

/**
 * external_pause (seed 002, spec §3.2): PAUSE pauses the agent now, or once
 * the current call ends (the core's `pause_pending`); RESUME makes a paused or
 * wrapping-up agent ready and is refused for an agent who is not paused.
 * A value containing RESUME resumes, any other (it contains PAUSE) pauses.
 */
export const externalPause = agentCommand({
  name: 'external_pause',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) =>
    value.length < 1 || (givenAgent.length < 1 && altUser.length < 1) || !/PAUSE|RESUME/.test(value),
  async carryOut({ core }, { value, agentId, agentUser }) {
    if (value.includes('RESUME')) {
      await core.resumeAgent({ agentId });
      return `external_pause: agent ${agentUser} resumed`;
    }
    const outcome = await core.pauseAgent({ agentId, reason: null });
    return `external_pause: agent ${agentUser} ${outcome === 'pause_pending' ? 'pauses when the current call ends' : 'paused'}`;
  },
  errors: {
    AGENT_NOT_PAUSED: {
      kind: 'agent_not_paused',
      end: 'exit',
      text: (ctx) => `ERROR: external_pause agent is not paused - ${ctx.request.value}|${echoedAgent(ctx)}`,
    },
  },
  successLine: ({ value, agentUser }, epoch) => `SUCCESS: external_pause function set - ${value}|${epoch}|${agentUser}`,
  coreChecksSession: true,
});

import { agentCommand } from '../agent-api/agent-command';
import { echoedAgent } from '../errors';
import { bytesToText } from '../wire/php-params';

/**
 * pause_code (spec §3.2): sets the code of the agent's current pause. The
 * code becomes the pause reason in the core (announced like any change of
 * the pause, so every dialect sees it); an agent who is not paused is left
 * as it is. VICIdial's PAUSED covers DISPO (the lead waiting for its
 * disposition after the call): there the code is kept for the pause the
 * disposition leads to (docs/vicidial.md).
 */
export const pauseCode = agentCommand({
  name: 'pause_code',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value.length < 1 || value.length > 6 || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { value, agentId, agentUser }) {
    const outcome = await core.pauseAgent({ agentId, reason: bytesToText(value), ifPaused: 'update', ifNotPaused: 'refuse', inDisposition: 'next_pause' });
    return `pause_code: agent ${agentUser} pause code ${value}${outcome === 'reason_kept' ? ' kept for the pause after the disposition' : ''}`;
  },
  errors: {
    AGENT_NOT_PAUSED: {
      kind: 'agent_not_paused',
      end: 'line',
      text: (ctx) => `ERROR: pause_code error - agent is not paused - ${echoedAgent(ctx)}`,
    },
  },
  successLine: ({ agentUser }) => `SUCCESS: pause_code function sent - ${agentUser}`,
  coreChecksSession: true,
});

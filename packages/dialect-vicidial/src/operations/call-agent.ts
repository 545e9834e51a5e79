import { agentCommand } from '../agent-api/agent-command';
import { echoedAgent, type Refusal } from '../errors';

/** The session has no conference for the phone to join (VICIdial: no `vicidial_session_data` row). */
const noSessionData: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: call_agent error - no session data - ${echoedAgent(ctx)}` };

/** The agent has no phone to ring (VICIdial: the session's login call is empty). */
const entryIsEmpty: Refusal = { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: call_agent error - entry is empty - ${echoedAgent(ctx)}` };

/**
 * call_agent (seed 002, spec §3.2): rings the agent's phone into the session
 * conference again, after the agent hung it up. A phone still in the
 * conference is left as it is: ringing it a second time would only take the
 * line away from the agent.
 */
export const callAgent = agentCommand({
  name: 'call_agent',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value !== 'CALL' || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { agentId, agentUser }) {
    const { rung } = await core.connectAgentPhone({ agentId });
    return `call_agent: phone of agent ${agentUser} ${rung ? 'rung into the conference' : 'already in the conference'}`;
  },
  errors: { SESSION_HAS_NO_CONFERENCE: noSessionData, AGENT_HAS_NO_DEVICE: entryIsEmpty },
  successLine: ({ agentUser }) => `SUCCESS: call_agent function sent - ${agentUser}`,
  coreChecksSession: true,
});

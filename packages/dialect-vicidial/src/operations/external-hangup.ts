import { agentCommand } from '../agent-api/agent-command';

/**
 * external_hangup (seed 002, spec §3.2): hangs up the customer side of the
 * agent's current call; the agent's phone stays in the session. Any non-empty
 * value is accepted (the 2012 document allowed only `1`). Without a call
 * there is nothing to hang up, which VICIdial also answers with SUCCESS.
 */
export const externalHangup = agentCommand({
  name: 'external_hangup',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value.length < 1 || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { agentId, agentUser }) {
    const { hungUp } = await core.hangupAgentCustomer({ agentId });
    return `external_hangup: ${hungUp ? 'customer of agent ' + agentUser + ' hung up' : 'agent ' + agentUser + ' has no call'}`;
  },
  successLine: ({ value, agentUser }) => `SUCCESS: external_hangup function set - ${value}|${agentUser}`,
});

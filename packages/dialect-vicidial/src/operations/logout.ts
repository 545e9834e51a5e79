import { agentCommand } from '../agent-api/agent-command';

/**
 * logout (seed 002, spec §3.2): ends the agent's session now, or when the
 * current call ends (VICIdial: after the call is dispositioned).
 */
export const logout = agentCommand({
  name: 'logout',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) =>
    value.length < 1 || (givenAgent.length < 1 && altUser.length < 1) || !value.includes('LOGOUT'),
  async carryOut({ core }, { agentId, agentUser }) {
    const outcome = await core.logoutAgent({ agentId, whenInCall: 'defer' });
    return `logout: agent ${agentUser} ${outcome === 'logout_pending' ? 'logs out when the current call ends' : 'logged out'}`;
  },
  successLine: ({ value, agentUser }, epoch) => `SUCCESS: logout function set - ${value}|${epoch}|${agentUser}`,
});

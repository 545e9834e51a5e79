import { isDomainError } from '@pbx-gateway/core';
import { agentCommand } from '../agent-api/agent-command';
import { dtmfKeys } from '../wire/dtmf-keys';

/**
 * send_dtmf (seed 002, spec §3.2): sends keys to the customer of the agent's
 * call, `P` `S` `Q` read as `#`, `*` and a second of silence. Any non-empty
 * value passes (the 2012 document was stricter). Without a customer on the
 * line there is nobody to hear them: VICIdial's script answers SUCCESS for
 * any logged-in agent all the same, and so does the gateway, sending nothing.
 */
export const sendDtmf = agentCommand({
  name: 'send_dtmf',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value.length < 1 || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { value, agentId, agentUser }) {
    const digits = dtmfKeys(value);
    try {
      await core.sendAgentCallDtmf({ agentId, digits });
    } catch (error) {
      if (!isDomainError(error) || error.code !== 'NO_ACTIVE_CALL') throw error;
      return `send_dtmf: agent ${agentUser} has no customer on the line to hear ${value}`;
    }
    return digits === '' ? `send_dtmf: no keys in ${value}` : `send_dtmf: ${digits} sent to the customer of agent ${agentUser}`;
  },
  successLine: ({ value, agentUser }) => `SUCCESS: send_dtmf function set - ${value}|${agentUser}`,
});

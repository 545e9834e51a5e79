import { agentCommand } from '../agent-api/agent-command';
import { echoedAgent } from '../errors';
import { dtmfKeys } from '../wire/dtmf-keys';

/**
 * send_dtmf (seed 002, spec §3.2): sends keys to the customer of the agent's
 * call, `P` `S` `Q` read as `#`, `*` and a second of silence. Any non-empty
 * value passes (the 2012 document was stricter). Without a customer on the
 * line there is nobody to hear them: VICIdial's own line for a missing call.
 */
export const sendDtmf = agentCommand({
  name: 'send_dtmf',
  notValid: ({ value, agent_user: givenAgent, alt_user: altUser }) => value.length < 1 || (givenAgent.length < 1 && altUser.length < 2),
  async carryOut({ core }, { value, agentId, agentUser }) {
    const digits = dtmfKeys(value);
    await core.sendAgentCallDtmf({ agentId, digits });
    return digits === '' ? `send_dtmf: no keys in ${value}` : `send_dtmf: ${digits} sent to the customer of agent ${agentUser}`;
  },
  errors: {
    NO_ACTIVE_CALL: {
      kind: 'no_live_call',
      end: 'line',
      text: (ctx) => `ERROR: agent_user does not have a live call - ${echoedAgent(ctx)}`,
    },
  },
  successLine: ({ value, agentUser }) => `SUCCESS: send_dtmf function set - ${value}|${agentUser}`,
});

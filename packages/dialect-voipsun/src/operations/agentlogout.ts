import type { JSONSchemaType } from 'ajv';
import { SUCCESS_BODY } from '../wire/response';
import { agentCredentialProperties, authenticatedAgent, type AgentCredentialParams } from './agent-credentials';
import { defineOperation } from './operation';

const schema: JSONSchemaType<AgentCredentialParams> = {
  type: 'object',
  properties: agentCredentialProperties,
  required: ['agentNumber', 'agentPin'],
  additionalProperties: true,
};

/**
 * `agentlogout`: the agent leaves the call centre and the queues it joined.
 * An agent in a call is logged out when the call ends (the call goes on);
 * an agent not logged in is left as it is (success). 550: agent or PIN.
 */
export const agentlogout = defineOperation({
  name: 'agentlogout',
  action: 'agentlogout',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    const agent = await authenticatedAgent(core, params, '550');
    if (!(await core.getAgentSession(agent.id))) return;
    try {
      await core.logoutAgent({ agentId: agent.id, whenInCall: 'defer' });
    } catch (error) {
      // Logged out meanwhile (another request, the session expiring): what was asked is done.
      if (!(await core.getAgentSession(agent.id))) return;
      throw error;
    }
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '550' },
});

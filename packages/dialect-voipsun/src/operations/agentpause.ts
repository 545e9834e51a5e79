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
 * `agentpause`: the agent takes no queue calls until unpaused; in a call,
 * from when the call ends. Pausing a paused agent changes nothing. 580: agent
 * or PIN, or the agent not logged in (no member of the call centre to pause).
 */
export const agentpause = defineOperation({
  name: 'agentpause',
  action: 'agentpause',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    const agent = await authenticatedAgent(core, params, '580');
    await core.pauseAgent({ agentId: agent.id, reason: null, ifPaused: 'keep' });
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '580', AGENT_NOT_LOGGED_IN: '580' },
});

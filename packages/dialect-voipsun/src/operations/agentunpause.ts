import { isDomainError } from '@pbx-gateway/core';
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
 * `agentunpause`: the agent takes queue calls again. An agent not paused
 * (ready, or in a call) stays as it is: there is no pause to end.
 * 590: agent or PIN, or the agent not logged in.
 */
export const agentunpause = defineOperation({
  name: 'agentunpause',
  action: 'agentunpause',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    const agent = await authenticatedAgent(core, params, '590');
    try {
      await core.resumeAgent({ agentId: agent.id, ifReady: 'accept' });
    } catch (error) {
      if (!isDomainError(error, 'AGENT_NOT_PAUSED')) throw error;
    }
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '590', AGENT_NOT_LOGGED_IN: '590' },
});

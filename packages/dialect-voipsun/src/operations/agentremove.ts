import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { SUCCESS_BODY } from '../wire/response';
import { agentCredentialProperties, authenticatedAgent, type AgentCredentialParams } from './agent-credentials';
import { defineOperation } from './operation';
import { queueNamed } from './queue-name';

type AgentRemoveParams = AgentCredentialParams & { queueName: string };

const schema: JSONSchemaType<AgentRemoveParams> = {
  type: 'object',
  properties: { ...agentCredentialProperties, queueName: { type: 'string' } },
  required: ['agentNumber', 'agentPin', 'queueName'],
  additionalProperties: true,
};

/**
 * `agentremove`: the logged-in agent leaves the queue. A provisioned
 * (static) membership stays, as Asterisk's static members do; an agent not
 * in the queue stays out of it (success). Checks, in order: 120, 610 (no
 * such queue, named in the reason), 611 (agent or PIN, or not logged in).
 */
export const agentremove = defineOperation({
  name: 'agentremove',
  action: 'agentremove',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    if (params.agentNumber === '' || params.agentPin === '' || params.queueName === '') throw new VoipsunWireError('120');
    const queue = await queueNamed(core, params.queueName, '610');
    const agent = await authenticatedAgent(core, params, '611');
    await core.changeAgentQueues({ agentId: agent.id, change: 'remove', queues: [queue.name], blended: null });
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '611', AGENT_NOT_LOGGED_IN: '611' },
});

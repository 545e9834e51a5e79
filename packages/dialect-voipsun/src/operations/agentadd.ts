import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { SUCCESS_BODY } from '../wire/response';
import { agentCredentialProperties, authenticatedAgent, type AgentCredentialParams } from './agent-credentials';
import { defineOperation } from './operation';
import { queueNamed } from './queue-name';

type AgentAddParams = AgentCredentialParams & { queueName: string; penalty?: string };

const schema: JSONSchemaType<AgentAddParams> = {
  type: 'object',
  properties: { ...agentCredentialProperties, queueName: { type: 'string' }, penalty: { type: 'string', nullable: true } },
  required: ['agentNumber', 'agentPin', 'queueName'],
  additionalProperties: true,
};

/** Asterisk's penalties are non-negative integers; the document's example uses 1. */
const MAX_PENALTY = 1000;

/**
 * `agentadd`: the logged-in agent joins the queue (a dynamic member, left at
 * logout) with `penalty` (default 0; an agent already in the queue takes
 * the new penalty). Checks, in order: 120 (number, PIN or queue missing, a
 * penalty that is not a whole number 0–1000), 600 (no such queue, named in
 * the reason), 601 (agent or PIN, or the agent not logged in).
 */
export const agentadd = defineOperation({
  name: 'agentadd',
  action: 'agentadd',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    if (params.agentNumber === '' || params.agentPin === '' || params.queueName === '') throw new VoipsunWireError('120');
    const penalty = penaltyOf(params.penalty);
    const queue = await queueNamed(core, params.queueName, '600');
    const agent = await authenticatedAgent(core, params, '601');
    await core.changeAgentQueues({ agentId: agent.id, change: 'add', queues: [queue.name], blended: null, member: { penalty } });
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '601', AGENT_NOT_LOGGED_IN: '601' },
});

function penaltyOf(given: string | undefined): number {
  if (given === undefined || given === '') return 0;
  if (!/^\d{1,4}$/.test(given) || Number(given) > MAX_PENALTY) throw new VoipsunWireError('120');
  return Number(given);
}

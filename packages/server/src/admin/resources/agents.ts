import { DomainError, type Agent, type AgentChanges, type CallControl } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { bool, nameSchema, nullableText, objectSchema, pathOf, text, textMap } from '../admin-schemas';
import { agentExternalId } from '../../provisioning/agent-external-id';
import type { AgentEntry } from '../../provisioning/provisioning-document';
import { provisionedRoutes } from './provisioned-resource';

/** An agent as the admin API shows it: never its secret, only whether it has one. */
export const agentSchema = objectSchema({ id: text, name: text, device: nullableText, active: bool, externalId: nullableText, hasSecret: bool, attributes: textMap });

const agentView = (agent: Agent) => ({
  id: agent.id,
  name: agent.name,
  device: agent.device,
  active: agent.active,
  externalId: agent.externalId,
  hasSecret: agent.secretHash !== null,
  attributes: { ...agent.attributes },
});

const changesSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    secret: { type: 'string', minLength: 1, maxLength: 200 },
    device: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    active: { type: 'boolean' },
    externalId: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
    attributes: { type: 'object', additionalProperties: { type: 'string', maxLength: 1000 }, description: 'attributes set; an empty value removes one' },
  },
} as const;

/** An external id is unique: one another agent has is refused here rather than by the database. */
async function checkExternalId(core: CallControl, agentId: string, externalId: unknown): Promise<void> {
  if (typeof externalId !== 'string') return;
  const holder = await core.findAgentByExternalId(externalId);
  if (holder && holder.id !== agentId) throw new DomainError('INVALID_ARGUMENT', `external id ${externalId} belongs to agent ${holder.id}`);
}

/** The people who take calls: provisioning's `agents:`. */
export const agentRoutes: readonly AdminRoute[] = [
  ...provisionedRoutes<{ agentId: string }, Agent, ReturnType<typeof agentView>>({
    tag: 'agents',
    collection: '/agents',
    singular: 'agent',
    plural: 'agents',
    keyParams: { agentId: nameSchema },
    keyOf: (params) => ({ agentId: String(params.agentId) }),
    section: 'agents',
    keyFields: ['id'],
    entryOf: (key, body) => ({ ...body, id: key.agentId }),
    list: ({ store }, page) => store.direct.agents.list(page),
    get: ({ core }, key) => core.getAgent(key.agentId),
    check: ({ core }, entry) => checkExternalId(core, String(entry.id), agentExternalId(entry as unknown as AgentEntry).externalId),
    view: agentView,
    viewSchema: agentSchema,
    notFoundCode: 'AGENT_NOT_FOUND',
    putRefusals: ['INVALID_ARGUMENT'],
  }),
  defineRoute<{ agentId: string }, Record<string, never>, AgentChanges>({
    method: 'patch',
    path: '/agents/{agentId}',
    operationId: 'updateAgent',
    summary: 'Change some of an agent\'s fields; the others, and a session the agent has, stay as they are',
    tag: 'agents',
    scope: 'provision',
    params: pathOf('agentId'),
    body: { schema: changesSchema, presence: 'required' },
    success: { status: 200, description: 'the agent as stored', schema: objectSchema({ agent: agentSchema }) },
    refusals: ['AGENT_NOT_FOUND', 'INVALID_ARGUMENT'],
    async handle({ core }, { params, body }) {
      await checkExternalId(core, params.agentId, body.externalId);
      return { status: 200, body: { agent: agentView(await core.updateAgent({ agentId: params.agentId, changes: body })) } };
    },
  }),
];

import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { suppliedSelectors } from '../wire/extension-selector';
import { SUCCESS_BODY } from '../wire/response';
import { nonEmpty } from '../wire/text';
import { agentCredentialProperties, authenticatedAgent, type AgentCredentialParams } from './agent-credentials';
import { defineOperation } from './operation';
import { findPartyExtension } from './party-extension';

type AgentLoginParams = AgentCredentialParams & {
  srcExtenPublicNum?: string;
  srcExtenInternalNum?: string;
  srcExtenId?: string;
  srcSipUsername?: string;
  dialplanName?: string;
};

const optional = { type: 'string', nullable: true } as const;

const schema: JSONSchemaType<AgentLoginParams> = {
  type: 'object',
  properties: {
    ...agentCredentialProperties,
    srcExtenPublicNum: optional,
    srcExtenInternalNum: optional,
    srcExtenId: optional,
    srcSipUsername: optional,
    dialplanName: optional,
  },
  required: ['agentNumber', 'agentPin'],
  additionalProperties: true,
};

/**
 * `agentlogin`: the agent signs in to the call centre from an extension,
 * whose phone then rings for the calls of the agent's queues (the core's
 * agent session, as every dialect sees it). Checks, in order: 120 (number,
 * PIN or extension missing), 501 (more than one extension named), the
 * extension (504, 502, 503), then the agent and PIN (500). An agent already
 * signed in from that extension stays as it is; from another extension, the
 * new login replaces the old one.
 */
export const agentlogin = defineOperation({
  name: 'agentlogin',
  action: 'agentlogin',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core }, params): Promise<void> {
    const sources = suppliedSelectors(params, 'src');
    if (params.agentNumber === '' || params.agentPin === '' || sources.length === 0) throw new VoipsunWireError('120');
    if (sources.length > 1) throw new VoipsunWireError('501');
    const extension = await findPartyExtension(core, sources[0]!, nonEmpty(params.dialplanName), {
      dialplanNotFound: '504',
      extensionNotFound: '503',
      ambiguous: '502',
    });
    const agent = await authenticatedAgent(core, params, '500');
    const session = await core.getAgentSession(agent.id);
    if (session && session.device === extension.endpoint) return;
    await core.loginAgent({
      agentId: agent.id,
      device: extension.endpoint,
      phoneNumber: extension.internalNumber,
      via: 'voipsun',
      replaceExisting: true,
    });
  },
  render: () => SUCCESS_BODY,
  errors: { AGENT_NOT_FOUND: '500' },
});

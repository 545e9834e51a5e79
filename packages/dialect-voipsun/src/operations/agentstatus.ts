import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { agentCredentialProperties, authenticatedAgent, type AgentCredentialParams } from './agent-credentials';
import { LINE_WORDING, readLines } from './agent-line-state';
import { defineOperation } from './operation';

const schema: JSONSchemaType<AgentCredentialParams> = {
  type: 'object',
  properties: agentCredentialProperties,
  required: ['agentNumber', 'agentPin'],
  additionalProperties: true,
};

/**
 * `agentstatus`: whether the agent is logged in, and the state of the line
 * it is logged in from: `Agent 1000 is logged in. Line is free`, `… Line is
 * In use` and so on, or `Agent 1000 is logged out.`. With the setting
 * `agentstatusLineErrors` a line that is not free is answered with its
 * errno (630–636) instead. 620: agent or PIN; 900 while the engine, which
 * knows the line, is away.
 */
export const agentstatus = defineOperation({
  name: 'agentstatus',
  action: 'agentstatus',
  auth: { permission: 'Call center' },
  input: schema,
  async run({ core, settings }, params): Promise<string> {
    const agent = await authenticatedAgent(core, params, '620');
    const session = await core.getAgentSession(agent.id);
    if (!session) return `Agent ${agent.id} is logged out.`;
    const wording = LINE_WORDING[(await readLines(core)).stateOf(session.device)];
    if (settings.agentstatusLineErrors && wording.errno !== null) throw new VoipsunWireError(wording.errno);
    return `Agent ${agent.id} is logged in. ${wording.text}`;
  },
  render: (reason, { settings }) => {
    const body = JSON.stringify({ success: 'true', reason });
    // The document prints a colon where the comma belongs; some clients match those bytes.
    return settings.agentstatusLegacyMalformed ? body.replace('{"success":"true",', '{"success":"true":') : body;
  },
  errors: { AGENT_NOT_FOUND: '620' },
});

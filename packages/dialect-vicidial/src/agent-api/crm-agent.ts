import type { Agent } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { ownCheck } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import { inputOf, PATTERNS } from './input-schema';
import { leadParamPattern } from './lead-params';
import { checkAllowList, stopWith, type AgentOperationContext } from './steps';

/** What the st_* functions read: the CRM's agent id (`value`) and team id (`vendor_id`). */
export interface CrmAgentInput {
  value: string;
  vendor_id: string;
}

const schema: JSONSchemaType<CrmAgentInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    vendor_id: { type: 'string', pattern: leadParamPattern('vendor_id') },
  },
  required: ['value', 'vendor_id'],
};

export const readCrmAgentInput = inputOf(schema, ['value', 'vendor_id']);

/**
 * The steps st_login_log and st_get_agent_active_lead share: both ids are
 * required, then the allow-list, then the agent whose CRM id (VICIdial's
 * `custom_three`, the agent's external id) is `value`. Resolves with the
 * agent and its id as the lines echo it.
 */
export async function crmAgent(ctx: AgentOperationContext, { value, vendor_id: vendorId }: CrmAgentInput): Promise<{ agent: Agent; agentUser: string }> {
  if (value.length < 1 || vendorId.length < 1) throw stopWith(ownCheck('line', `ERROR: ${ctx.request.function} not valid - ${value}|${vendorId}`));
  checkAllowList(ctx, value);
  const agent = await ctx.core.findAgentByExternalId(bytesToText(value));
  if (!agent) throw stopWith(ownCheck('line', `ERROR: no user found - ${value}`));
  const agentUser = utf8ToBytes(agent.id);
  ctx.target = { agentUser };
  return { agent, agentUser };
}

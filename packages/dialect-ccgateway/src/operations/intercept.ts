import { defineInterface, NO_BODY, type InterfaceContext } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `PUT /qualitycontrol/{agentid}/intercept/{workNo}` and
 * `…/intercept/{workNo}/{callId}`: the inspector listening to, inserting into
 * or whispering to agent `workNo` takes over its call; the agent is taken off
 * it (its phone released, idle) and the inspector talks with the customer
 * (`AgentEvent_Talking`). An inspector supervising nothing, or a call other
 * than `callId`: `100-009`.
 */
async function intercept(ctx: InterfaceContext): Promise<void> {
  const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
  await ctx.core.interceptCall({ supervisorAgentId: ctx.agentId, supervisedAgentId: workNo, callId: ctx.pathParams.callId ?? null });
}

/** One interface at each of Huawei's two paths. */
const interceptAt = (name: string, path: string) =>
  defineInterface({ name, method: 'PUT', path, body: 'none', auth: 'guid', input: NO_BODY, run: intercept, render: () => successAnswer(), errors: SUPERVISION_ERRORS });

export const interceptOperation = interceptAt('intercept', '/qualitycontrol/{agentid}/intercept/{workNo}');

/** Huawei's "intercepting a specified call"; its log name is intercept as well, ours must differ. */
export const interceptCallOperation = interceptAt('interceptCall', '/qualitycontrol/{agentid}/intercept/{workNo}/{callId}');

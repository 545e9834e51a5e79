import { isDomainError } from '@pbx-gateway/core';
import { fronterEcho, fronterRequest, fronterSession, noFronter, readFronterInput } from '../agent-api/fronter';
import { defineAgentOperation } from '../agent-api/operation';
import type { AgentOperationContext } from '../agent-api/steps';

/**
 * force_fronter_leave_3way (spec §3.2): the closer has the fronter (the
 * other agent on the lead) leave its 3-way call, so that customer and closer
 * talk on without it. The gateway carries it out: a fronter still in a
 * 3-way call of its own leaves it (transfer_conference LEAVE_3WAY_CALL);
 * a fronter that already left (a LOCAL_CLOSER transfer leaves at once) has
 * nothing left to do. The answer has no newline, as VICIdial's.
 */
export const forceFronterLeave3way = defineAgentOperation({
  name: 'force_fronter_leave_3way',
  function: 'force_fronter_leave_3way',
  auth: 'allow-list',
  input: readFronterInput,
  async run(ctx, input): Promise<string> {
    const request = await fronterRequest(ctx, 'force_fronter_leave_3way', input);
    const fronter = await fronterSession(ctx, request);
    if (!fronter) throw noFronter(request);
    ctx.answer.actionComment(`force_fronter_leave_3way: ${await leaveThreeWay(ctx, fronter.agentId)}`);
    return fronterEcho(fronter);
  },
  render(fronter, ctx) {
    ctx.answer.print(`SUCCESS: force_fronter_leave_3way SENT - ${fronter}`);
  },
});

async function leaveThreeWay(ctx: AgentOperationContext, agentId: string): Promise<string> {
  try {
    await ctx.core.leaveThreeWayCall({ agentId });
    return `agent ${agentId} left its 3-way call`;
  } catch (error) {
    // No 3-way call (or no call) to leave: the fronter is out already.
    if (isDomainError(error) && error.code === 'NO_ACTIVE_CALL') return `agent ${agentId} is in no 3-way call`;
    throw error;
  }
}

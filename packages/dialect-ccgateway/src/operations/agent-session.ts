import type { AgentSession } from '@pbx-gateway/core';
import { wireError, wireErrorFor } from '../errors';
import { failed, type CcgatewayContext, type OperationInput, type OperationResult } from '../operation';
import type { OperationName } from '../operation-names';

/**
 * Runs an interface that works on the agent's live session. The session may
 * have ended since the GUID was checked; without one the agent is not signed
 * in (`100-006`). Whatever the core throws becomes the interface's retcode.
 */
export async function withAgentSession(
  ctx: CcgatewayContext,
  input: OperationInput,
  operation: OperationName,
  act: (session: AgentSession) => Promise<OperationResult>,
): Promise<OperationResult> {
  try {
    const session = await ctx.core.getAgentSession(input.agentId);
    if (!session) return failed(wireError('100-006'));
    return await act(session);
  } catch (error) {
    return failed(wireErrorFor(error, operation));
  }
}

import { isDomainError } from '@pbx-gateway/core';
import { WireRefusal } from '@pbx-gateway/dialect-kit';
import type { AgentOperation } from './operation';
import { logUnexpected, type AgentOperationContext } from './steps';

/**
 * Runs one Agent API function and prints its refusal, if any. Resolves with
 * the agent it acted on (for the API log): the one it found, else the one
 * it was given.
 */
export async function answerAgentFunction(operation: AgentOperation, ctx: AgentOperationContext): Promise<{ agentId: string | null }> {
  const outcome = await operation.perform(ctx, ctx.request);
  if (!outcome.ok) {
    // A function that failed before it found its agent (its reads failed) has nothing to echo: the script's generic answer.
    if (!ctx.target && !(outcome.cause instanceof WireRefusal)) throw outcome.cause;
    const refusal = outcome.wire;
    if (refusal.log) logUnexpected(ctx, outcome.cause);
    if (refusal.comment) ctx.answer.actionComment(refusal.comment(ctx));
    const lines = refusal.text(ctx, isDomainError(outcome.cause) ? outcome.cause.details : {}).split('\n');
    const last = lines.pop() ?? '';
    for (const line of lines) ctx.answer.line(line);
    if (refusal.end === 'exit') ctx.answer.exitWith(last);
    else ctx.answer.line(last);
  }
  const agentUser = ctx.target?.agentUser ?? ctx.request.agent_user;
  return { agentId: agentUser === '' ? null : agentUser };
}

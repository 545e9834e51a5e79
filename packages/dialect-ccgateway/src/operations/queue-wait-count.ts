import type { WireAnswer } from '@pbx-gateway/dialect-kit';
import type { InterfaceContext } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { agentSession } from './agent-session';

/** How many callers wait in these skill queues (the core's inbound queues), for any agent of them. */
export async function waitingCallers(ctx: InterfaceContext, queueNames: readonly string[]): Promise<number> {
  await agentSession(ctx);
  return queueNames.length === 0 ? 0 : (await ctx.core.listWaitingCalls(queueNames)).length;
}

/** Huawei's answer of a count: `result` the bare number (`cec_07_1022`: "the total number of queuing users"). */
export const renderWaitCount = (count: number): WireAnswer => jsonAnswer(renderEnvelopeWithValue('success', '0', count));

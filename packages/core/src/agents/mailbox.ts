import type { JsonValue } from '../kernel/json';
import type { CoreContext } from '../kernel/context';

/**
 * Takes the agent's next waiting message on a channel, waiting up to
 * `waitMs` for one to arrive (a long poll). Null when none came in time or
 * the caller went away.
 */
export async function nextMailboxMessage(
  ctx: CoreContext,
  request: { agentId: string; channel: string; waitMs: number; abort?: AbortSignal },
): Promise<JsonValue | null> {
  const deadline = ctx.clock.now().getTime() + Math.max(0, request.waitMs);
  const mailbox = ctx.store.direct.mailbox;
  for (;;) {
    // A client that went away must not consume a message it can no longer receive.
    if (request.abort?.aborted) return null;
    const version = ctx.store.mailboxSignals.version(request.agentId, request.channel);
    const message = await mailbox.takeNext(request.agentId, request.channel);
    if (message !== null) return message;
    const remaining = deadline - ctx.clock.now().getTime();
    if (remaining <= 0) return null;
    await ctx.store.mailboxSignals.wait(request.agentId, request.channel, remaining, request.abort, version);
  }
}

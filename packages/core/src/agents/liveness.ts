import { DomainError } from '../errors/domain-error';
import type { LoginChannel } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { endAgentSession } from './session-end';

/** Records a sign of life from the agent's client (a CC-Gateway poll is its heartbeat). */
export async function touchAgentSession(ctx: CoreContext, agentId: string): Promise<void> {
  const session = await ctx.store.direct.sessions.get(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  await ctx.store.direct.sessions.touch(agentId, ctx.clock.now());
}

/**
 * Signs out the agents of one login channel whose clients went quiet for
 * longer than `idleMs`; their calls end with them. Returns who was signed out.
 * Agents whose events are pushed are left alone: their clients have no reason
 * to call, and a receiver that stops answering ends the session instead.
 */
export async function expireIdleSessions(ctx: CoreContext, request: { via: LoginChannel; idleMs: number }): Promise<string[]> {
  const before = new Date(ctx.clock.now().getTime() - request.idleMs);
  const idle = await ctx.store.direct.sessions.listIdle(request.via, before);
  const expired: string[] = [];
  for (const candidate of idle.filter((session) => session.eventPush === null)) {
    const ended = await ctx.queue.run(agentOwner(candidate.agentId), () =>
      inTransaction(ctx, async (uow) => {
        const session = await uow.tx.sessions.lock(candidate.agentId);
        if (!session || session.loginVia !== request.via || session.eventPush !== null || session.lastSeenAt.getTime() >= before.getTime()) return false;
        await endAgentSession(ctx, uow, session, 'idle_timeout');
        return true;
      }),
    );
    if (ended) expired.push(candidate.agentId);
  }
  return expired;
}

import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { TimerAction } from './agent';
import { armTimerAction } from './timer-action';

/**
 * Asks the agent's screen to reload what `items` names (panels, lead
 * fields), in the agent's queue. `changed` is false when the session already
 * asked for exactly that, as a row updated to the values it holds reports no
 * change in the dialer's database.
 */
export async function refreshAgentScreen(ctx: CoreContext, request: { agentId: string; items: string }): Promise<{ changed: boolean }> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (session.screenRefresh === request.items) return { changed: false };
      await uow.tx.sessions.update({ ...session, screenRefresh: request.items });
      return { changed: true };
    }),
  );
}

/**
 * Sets (or, with null, clears) the agent's timer action: for the call the
 * agent is on, armed now (at once when its second is past), else for the
 * next call the agent answers.
 */
export async function setAgentTimerAction(ctx: CoreContext, request: { agentId: string; timerAction: TimerAction | null }): Promise<void> {
  await ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const updated = { ...session, timerAction: request.timerAction };
      await uow.tx.sessions.update(updated);
      const call = session.currentCallId === null ? null : await uow.tx.calls.get(session.currentCallId);
      if (call) armTimerAction(ctx, updated, call, uow.now);
    }),
  );
}

import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import type { AgentSession } from './agent';

/**
 * A pause that was given a length (Huawei's rest time) tells the agent when
 * that length is over; the agent stays paused until it says otherwise. The
 * timer is armed once the pause has committed and fires in the agent's
 * queue; it is for that pause only (the pause's own start time), so a pause
 * ended, renewed or replaced meanwhile is not reported. Timers live in
 * memory: a restart forgets a pending report.
 */
export function armPauseLimit(ctx: CoreContext, uow: UnitOfWork, session: AgentSession): void {
  if (session.state !== 'paused' || session.pauseLimitSec === null) return;
  const { agentId, stateChangedAt } = session;
  const ms = session.pauseLimitSec * 1000;
  uow.afterCommit(() => {
    ctx.timers.setTimeout(() => {
      void ctx.queue
        .run(agentOwner(agentId), () => reportPauseLimit(ctx, agentId, stateChangedAt))
        .catch((error: unknown) => ctx.logger.error('pause limit not reported', { agentId, error: String(error) }));
    }, ms);
  });
}

async function reportPauseLimit(ctx: CoreContext, agentId: string, pausedAt: Date): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const session = await uow.tx.sessions.lock(agentId);
    if (!session || session.state !== 'paused' || session.pauseLimitSec === null) return;
    if (session.stateChangedAt.getTime() !== pausedAt.getTime()) return;
    uow.publish({ type: 'AgentPauseLimitReached', agentId, reason: session.pauseReason, at: uow.now });
  });
}

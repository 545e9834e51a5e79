import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { ownerOf } from '../kernel/owner-queue';
import { flowOf } from './call-flows';

/**
 * Sets a timer for a call; when it fires, the call's flow hears of it through
 * the call owner's queue, like any engine event. Timers live in memory: after
 * a restart, reconciliation arms again the ones a call still waits for.
 */
export function scheduleCallTimer(ctx: CoreContext, callId: string, timer: string, ms: number): void {
  ctx.timers.setTimeout(() => {
    void ctx.queue
      .run(ownerOf(callId), () => fireCallTimer(ctx, callId, timer))
      .catch((error: unknown) => {
        ctx.logger.error('call timer failed', { callId, timer, error: String(error) });
        // Reconciliation arms again the timers a call still waits for.
        ctx.resync.request(`${timer} timer not handled`);
      });
  }, ms);
}

async function fireCallTimer(ctx: CoreContext, callId: string, timer: string): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const call = await uow.tx.calls.lock(callId);
    if (!call || call.state === 'ended') return;
    const flow = flowOf(call);
    if (flow.onTimer) await flow.onTimer(ctx, uow, call, timer);
  });
}

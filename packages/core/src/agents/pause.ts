import { DomainError } from '../errors/domain-error';
import { awaitsDisposition, pauseSession, resumeSession, type PauseOutcome } from './agent';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { offerWaitingCallsTo } from './availability';
import { armPauseLimit } from './pause-limit';
import { dialNextQueued } from '../leads/manual-dial-queue-commands';

export interface PauseRequest {
  agentId: string;
  reason: string | null;
  /**
   * An agent who is already paused: `update` takes the new reason and
   * announces the pause again (the default); `keep` changes nothing and
   * answers `already_paused`. Deciding here, in the agent's queue, is what
   * keeps a dialect's "already paused" refusal right when commands race.
   */
  ifPaused?: 'update' | 'keep';
  /**
   * An agent who is not paused: `pause` pauses (the default); `refuse`
   * answers AGENT_NOT_PAUSED and changes nothing, for commands that only
   * change the reason of the current pause (VICIdial pause_code).
   */
  ifNotPaused?: 'pause' | 'refuse';
  /**
   * With `ifNotPaused: 'refuse'`, an agent whose lead waits for its
   * disposition: `refuse` as any other (the default), or `next_pause`: the
   * reason is kept for the pause the disposition leads to (a pending pause
   * takes it at once), answered `reason_kept` (VICIdial pause_code in DISPO,
   * which its PAUSED status covers).
   */
  inDisposition?: 'refuse' | 'next_pause';
  /** How long the pause is meant to last (Huawei's rest time): the agent is told when it is over. */
  limitSec?: number | null;
}

export interface ResumeRequest {
  agentId: string;
  /** An agent who is already ready: `refuse` answers AGENT_NOT_PAUSED (the default); `accept` leaves the agent as it is. */
  ifReady?: 'refuse' | 'accept';
}

/** Pauses an agent now, or when the current call ends if the agent is in one. */
export async function pauseAgent(ctx: CoreContext, request: PauseRequest): Promise<PauseOutcome> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (session.state === 'paused' && request.ifPaused === 'keep') return 'already_paused';
      if (session.state !== 'paused' && request.ifNotPaused === 'refuse') {
        if (request.inDisposition !== 'next_pause' || !awaitsDisposition(session)) throw new DomainError('AGENT_NOT_PAUSED', `agent ${request.agentId} is not paused`);
        const pending = session.pendingPause;
        await uow.tx.sessions.update(pending ? { ...session, pendingPause: { ...pending, reason: request.reason } } : { ...session, nextPauseReason: request.reason });
        return 'reason_kept';
      }
      const { session: next, outcome } = pauseSession(session, request.reason, uow.now, request.limitSec ?? null);
      await uow.tx.sessions.update(next);
      if (outcome === 'pause_pending') {
        uow.publish({ type: 'AgentPausePending', agentId: session.agentId, reason: request.reason, at: uow.now });
      } else {
        await uow.tx.queues.setPausedForAgent(session.agentId, true);
        uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'paused', reason: request.reason, at: uow.now });
        armPauseLimit(ctx, uow, next);
        // Paused is when VICIdial's screen dials the next number of the agent's manual-dial queue.
        await dialNextQueued(ctx, uow, next);
      }
      return outcome;
    }),
  );
}

/** Makes a paused (or wrapping-up) agent available again. */
export async function resumeAgent(ctx: CoreContext, request: ResumeRequest): Promise<void> {
  await ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (session.state === 'ready' && request.ifReady === 'accept') return;
      const next = resumeSession(session, uow.now);
      await uow.tx.sessions.update(next);
      await uow.tx.queues.setPausedForAgent(session.agentId, false);
      uow.publish({ type: 'AgentStateChanged', agentId: session.agentId, from: session.state, to: 'ready', reason: null, endedPause: session.pauseReason, at: uow.now });
      // A number queued to be called automatically is dialled for a ready agent too.
      await dialNextQueued(ctx, uow, next);
      offerWaitingCallsTo(ctx, uow, next);
    }),
  );
}

import type { CoreContext } from '../kernel/context';
import { DomainError } from '../errors/domain-error';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { Recording } from './recording';

/**
 * Pauses the agent's running recording: the engine writes nothing until it
 * is resumed. The recording lives on the engine, so the engine goes first
 * and the pause is recorded after (a refusal changes nothing).
 */
export async function pauseAgentRecording(ctx: CoreContext, request: { agentId: string }): Promise<Recording> {
  return ctx.queue.run(agentOwner(request.agentId), async () => {
    const running = await liveRecordingOf(ctx, request.agentId);
    if (!running || running.pausedAt !== null) throw new DomainError('NO_ACTIVE_RECORDING', 'the agent has no running recording');
    await ctx.pbx.pauseRecording(running.name);
    return inTransaction(ctx, async (uow) => {
      const paused: Recording = { ...running, pausedAt: uow.now };
      // Its call may have ended meanwhile, and the recording with it.
      if (!(await uow.tx.recordings.updateUnlessEnded(paused))) throw new DomainError('NO_ACTIVE_RECORDING', 'the agent has no running recording');
      uow.publish({ type: 'RecordingPaused', recording: paused, at: uow.now });
      return paused;
    });
  });
}

/** The agent's recording that the engine writes or is about to, if any; its session must be live. */
export async function liveRecordingOf(ctx: CoreContext, agentId: string): Promise<Recording | null> {
  if (!(await ctx.store.direct.sessions.get(agentId))) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const [live] = await ctx.store.direct.recordings.liveForAgent(agentId);
  return live ?? null;
}

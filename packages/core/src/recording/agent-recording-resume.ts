import type { CoreContext } from '../kernel/context';
import { DomainError } from '../errors/domain-error';
import { agentOwner } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import type { Recording } from './recording';
import { liveRecordingOf } from './agent-recording-pause';

/** Resumes the agent's paused recording; as a pause, the engine first. */
export async function resumeAgentRecording(ctx: CoreContext, request: { agentId: string }): Promise<Recording> {
  return ctx.queue.run(agentOwner(request.agentId), async () => {
    const live = await liveRecordingOf(ctx, request.agentId);
    if (!live) throw new DomainError('NO_ACTIVE_RECORDING', 'the agent has no recording');
    if (live.pausedAt === null) throw new DomainError('RECORDING_NOT_PAUSED', 'the recording is not paused');
    await ctx.pbx.resumeRecording(live.name);
    return inTransaction(ctx, async (uow) => {
      const resumed: Recording = { ...live, pausedAt: null };
      if (!(await uow.tx.recordings.updateUnlessEnded(resumed))) throw new DomainError('NO_ACTIVE_RECORDING', 'the agent has no recording');
      uow.publish({ type: 'RecordingResumed', recording: resumed, at: uow.now });
      return resumed;
    });
  });
}

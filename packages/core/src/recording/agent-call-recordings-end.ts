import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { isLiveRecording, recordedSeconds } from './recording';

/**
 * The agent leaves a call that goes on without it (Huawei's connecthold): the
 * recordings the agent made of that call are the agent's, and end as it
 * leaves (the call's own recordings go on, and so does a recording of the
 * agent's session conference, which the agent does not leave). Each is stopped on the engine,
 * its file kept, and recorded as finished now, so its end comes with the
 * leaving; the engine's later report of the end changes nothing.
 */
export async function endAgentCallRecordings(ctx: CoreContext, uow: UnitOfWork, agentId: string, callId: string): Promise<void> {
  const { tx, now } = uow;
  for (const recording of await tx.recordings.liveForAgent(agentId)) {
    if (recording.callId !== callId || recording.bridgeId !== callBridgeId(callId) || !isLiveRecording(recording)) continue;
    const ended = { ...recording, state: 'finished' as const, endedAt: now, durationSec: recordedSeconds(recording.startedAt, now), pausedAt: null };
    if (!(await tx.recordings.updateUnlessEnded(ended))) continue;
    uow.publish({ type: 'RecordingEnded', recording: ended, at: now });
    uow.engine.bestEffort('stop agent call recording', () => ctx.pbx.stopRecording(recording.name));
  }
}

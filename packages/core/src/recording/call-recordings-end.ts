import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { isLiveRecording, recordedSeconds } from './recording';

/**
 * A call's recordings of its own bridge end with the call: those it owns (a
 * call recorded on request) and those an agent started of it (CC-Gateway's
 * `record`). Each is stopped, its file kept, before the bridge goes (the
 * engine commands run in the order they were asked). Asterisk says nothing
 * of a recording whose bridge was destroyed, so they are recorded as
 * finished now rather than left waiting for an end that would never be
 * reported. An agent's recording of its session conference goes on.
 */
export async function endCallRecordings(ctx: CoreContext, uow: UnitOfWork, callId: string, bridgeId: string): Promise<void> {
  const { tx, now } = uow;
  for (const recording of await tx.recordings.listForCall(callId)) {
    if (recording.bridgeId !== bridgeId || !isLiveRecording(recording)) continue;
    const ended = { ...recording, state: 'finished' as const, endedAt: now, durationSec: recordedSeconds(recording.startedAt, now), pausedAt: null };
    // Already ended (the engine's report came first): over as reported.
    if (!(await tx.recordings.updateUnlessEnded(ended))) continue;
    uow.publish({ type: 'RecordingEnded', recording: ended, at: now });
    uow.engine.bestEffort('stop call recording', () => ctx.pbx.stopRecording(recording.name));
  }
}

import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { isLiveRecording, recordedSeconds } from './recording';

/**
 * A call's own recordings end with the call: each is stopped, its file kept,
 * before the call's bridge goes (the engine commands run in the order they
 * were asked). Asterisk says nothing of a recording whose bridge was
 * destroyed, so they are recorded as finished now rather than left waiting
 * for an end that would never be reported.
 */
export async function endCallRecordings(ctx: CoreContext, uow: UnitOfWork, callId: string): Promise<void> {
  const { tx, now } = uow;
  for (const recording of await tx.recordings.listForCall(callId)) {
    if (recording.agentId !== null || !isLiveRecording(recording)) continue;
    await tx.recordings.update({ ...recording, state: 'finished', endedAt: now, durationSec: recordedSeconds(recording.startedAt, now) });
    uow.engine.bestEffort('stop call recording', () => ctx.pbx.stopRecording(recording.name));
  }
}

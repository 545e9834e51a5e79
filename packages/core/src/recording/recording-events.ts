import type { PbxEvent } from '../ports/pbx';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { recordedSeconds, recordingOwner, type Recording } from './recording';

export type RecordingEvent = Extract<PbxEvent, { type: 'recording_started' | 'recording_finished' | 'recording_failed' }>;

/**
 * What the engine says of a recording, handled in its owner's queue (its agent's or its call's). The
 * engine knows a recording by its file name, so the row is found by that
 * name first; recordings the gateway did not start are not its business.
 */
export async function handleRecordingEvent(ctx: CoreContext, event: RecordingEvent, guarded: (work: () => Promise<void>) => Promise<void>): Promise<void> {
  const found = await ctx.store.direct.recordings.getByName(event.recordingName);
  if (!found) return;
  await ctx.queue.run(recordingOwner(found), () => guarded(() => recordRecordingEvent(ctx, found.id, event)));
}

/** Records a recording's start or end; run in its agent's queue. An end already recorded stays as it is. */
export async function recordRecordingEvent(ctx: CoreContext, recordingId: string, event: RecordingEvent): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const recording = await uow.tx.recordings.get(recordingId);
    if (!recording || recording.state === 'finished' || recording.state === 'failed') return;
    if (event.type === 'recording_started') {
      if (recording.state !== 'pending') return;
      const started: Recording = { ...recording, state: 'recording', startedAt: event.at };
      await uow.tx.recordings.update(started);
      uow.publish({ type: 'RecordingStarted', recording: started, at: event.at });
      return;
    }
    const finished = event.type === 'recording_finished';
    const ended: Recording = {
      ...recording,
      state: finished ? 'finished' : 'failed',
      startedAt: recording.startedAt ?? (finished ? event.at : null),
      endedAt: event.at,
      durationSec: finished ? (event.durationSec ?? recordedSeconds(recording.startedAt, event.at)) : null,
    };
    // The gateway may have ended it meanwhile (its call or session ended): then that end stands.
    if (!(await uow.tx.recordings.updateUnlessEnded(ended))) return;
    uow.publish({ type: 'RecordingEnded', recording: ended, at: event.at });
  });
}

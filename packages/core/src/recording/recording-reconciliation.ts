import type { CoreContext } from '../kernel/context';
import { recordingOwner } from './recording';
import { recordRecordingEvent } from './recording-events';

/**
 * Recordings whose end the gateway did not hear (it was away, the event was
 * lost) and that the engine no longer has. Checked in the agent's queue, so
 * a recording being started is asked about only once its start was sent:
 * one that had started (or was being stopped) is over, its file kept; one
 * the engine never reported started failed.
 */
export async function reconcileRecordings(ctx: CoreContext, at: Date): Promise<void> {
  for (const unfinished of await ctx.store.direct.recordings.listUnfinished()) {
    await ctx.queue.run(recordingOwner(unfinished), async () => {
      const recording = await ctx.store.direct.recordings.get(unfinished.id);
      if (!recording || recording.state === 'finished' || recording.state === 'failed') return;
      if (await ctx.pbx.recordingIsLive(recording.name)) return;
      await recordRecordingEvent(
        ctx,
        recording.id,
        recording.state === 'pending'
          ? { type: 'recording_failed', recordingName: recording.name, cause: 'not found on the engine', at }
          : { type: 'recording_finished', recordingName: recording.name, durationSec: null, at },
      );
    });
  }
}

import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { recordedSeconds } from './recording';

/**
 * The agent's recordings end with the session: each is stopped, its file
 * kept, before the conference goes. Asterisk says nothing of a recording
 * whose bridge was destroyed (the application no longer follows the bridge),
 * so they are recorded as finished now rather than left waiting for an end
 * that would never be reported.
 */
export async function endSessionRecordings(ctx: CoreContext, uow: UnitOfWork, agentId: string): Promise<void> {
  const { tx, now } = uow;
  for (const recording of await tx.recordings.liveForAgent(agentId)) {
    const ended = { ...recording, state: 'finished' as const, endedAt: now, durationSec: recordedSeconds(recording.startedAt, now) };
    if (!(await tx.recordings.updateUnlessEnded(ended))) continue;
    uow.publish({ type: 'RecordingEnded', recording: ended, at: now });
    uow.engine.bestEffort('stop recording at logout', () => ctx.pbx.stopRecording(recording.name));
  }
}

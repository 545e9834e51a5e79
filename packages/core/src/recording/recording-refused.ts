import type { UnitOfWork } from '../kernel/unit-of-work';

/**
 * The engine refused to start a recording: it failed, and its call's CDR no
 * longer names it (no file exists for the CDR to point at).
 */
export async function recordNeverStarted(uow: UnitOfWork, recordingId: string): Promise<void> {
  const recording = await uow.tx.recordings.get(recordingId);
  if (!recording || recording.state !== 'pending') return;
  const failed = { ...recording, state: 'failed' as const, endedAt: uow.now };
  if (!(await uow.tx.recordings.updateUnlessEnded(failed))) return;
  uow.publish({ type: 'RecordingEnded', recording: failed, at: uow.now });
  if (!recording.callId) return;
  const call = await uow.tx.calls.lock(recording.callId);
  if (!call || call.data.recordingFile !== recording.location) return;
  const { recordingFile: _dropped, ...data } = call.data;
  await uow.tx.calls.update({ ...call, data });
}

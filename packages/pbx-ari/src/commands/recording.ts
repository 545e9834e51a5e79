import type { RecordRequest } from '@pbx-gateway/core';
import { unlessGone } from '../ari-error-mapping';
import type { AriRestCall } from '../ari-operations';

/**
 * `POST /bridges/{id}/record?name=...&format=...&ifExists=fail`. Not
 * retried: a second request for a name in use is refused (409), and a file
 * of that name must never be overwritten.
 */
export async function recordBridge(call: AriRestCall, request: RecordRequest): Promise<void> {
  await call('bridges.record', { bridgeId: request.bridgeId, name: request.recordingName, format: request.format, ifExists: 'fail' });
}

/** `GET /recordings/live/{name}`: Asterisk forgets a live recording once it is over (404). */
export async function recordingIsLive(call: AriRestCall, recordingName: string): Promise<boolean> {
  return (await unlessGone(call('recordings.getLive', { recordingName }, { idempotent: true }), null)) !== null;
}

/** `POST /recordings/live/{name}/stop`; a recording already over (404) is stopped already. */
export async function stopRecording(call: AriRestCall, recordingName: string): Promise<void> {
  await unlessGone(call('recordings.stop', { recordingName }, { idempotent: true }), undefined);
}

/**
 * `POST /recordings/live/{name}/pause`. Sent twice it pauses once (a paused
 * recording stays paused), so it may be retried.
 */
export async function pauseRecording(call: AriRestCall, recordingName: string): Promise<void> {
  await call('recordings.pause', { recordingName }, { idempotent: true });
}

/** `DELETE /recordings/live/{name}/pause`; as pausing, safe to send twice. */
export async function resumeRecording(call: AriRestCall, recordingName: string): Promise<void> {
  await call('recordings.unpause', { recordingName }, { idempotent: true });
}

/**
 * `POST /recordings/stored/{name}/copy`, then `DELETE /recordings/stored/{name}`:
 * ARI has no move. The copy is not retried (sent twice, its second answer
 * would be 409 for the file it made itself); the delete of a source already
 * gone (404) is done.
 */
export async function moveStoredRecording(call: AriRestCall, from: string, to: string): Promise<void> {
  await call('recordings.copyStored', { recordingName: from, destinationRecordingName: to });
  await unlessGone(call('recordings.deleteStored', { recordingName: from }, { idempotent: true }), undefined);
}

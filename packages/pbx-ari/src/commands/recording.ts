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

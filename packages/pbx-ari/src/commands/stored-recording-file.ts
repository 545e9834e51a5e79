import { PbxFailure, type StoredRecordingFile } from '@pbx-gateway/core';
import type { ResolvedAriPbxOptions } from '../ari-pbx-options';

/**
 * `GET /recordings/stored/{name}/file`. Sent with fetch rather than
 * ari-client: ari-client's answers are parsed as JSON or text, and a
 * recording is binary audio that must arrive byte for byte.
 */
export async function storedRecordingFile(settings: ResolvedAriPbxOptions, recordingName: string): Promise<StoredRecordingFile> {
  const base = `${settings.url.origin}${settings.url.pathname.replace(/\/+$/, '')}`;
  const url = `${base}/ari/recordings/stored/${encodeURIComponent(recordingName)}/file`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Basic ${Buffer.from(`${settings.user}:${settings.password}`).toString('base64')}` },
      signal: AbortSignal.timeout(settings.requestTimeoutMs),
    });
  } catch (error) {
    throw new PbxFailure('unavailable', `recording file: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) throw new PbxFailure('not_found', `Recording not found (${recordingName})`, 404);
  if (response.status === 403) throw new PbxFailure('rejected', `Recording file cannot be read (${recordingName})`, 403);
  if (!response.ok) throw new PbxFailure('unavailable', `recording file: HTTP ${response.status}`, response.status);
  const data = new Uint8Array(await response.arrayBuffer());
  return { contentType: response.headers.get('content-type') ?? 'application/octet-stream', data };
}

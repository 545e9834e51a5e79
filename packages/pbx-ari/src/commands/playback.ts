import { unlessGone } from '../ari-error-mapping';
import type { PbxPlaybackState, PlaybackOperation, PlayRequest } from '@pbx-gateway/core';
import { playbackState, readPlayback } from '../ari-models';
import type { AriParams, AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/play` or `POST /bridges/{id}/play` with our
 * `playbackId`, `media`, and `offsetms` / `skipms` when given. Not retried:
 * Asterisk accepts a second play with an id in use and would play twice.
 */
export async function play(call: AriRestCall, request: PlayRequest): Promise<void> {
  const params: Record<string, AriParams[string]> = { media: request.media, playbackId: request.playbackId };
  if (request.offsetMs !== undefined) params.offsetms = Math.max(0, Math.round(request.offsetMs));
  if (request.skipMs !== undefined) params.skipms = Math.max(0, Math.round(request.skipMs));
  if (request.target.kind === 'leg') {
    await call('channels.play', { ...params, channelId: request.target.legId });
  } else {
    await call('bridges.play', { ...params, bridgeId: request.target.bridgeId });
  }
}

/**
 * `POST /playbacks/{id}/control?operation=...`. Note what Asterisk does:
 * pause raises no event, unpause raises PlaybackStarted again, and any
 * control of a playback still queued is 409.
 */
export async function controlPlayback(call: AriRestCall, playbackId: string, operation: PlaybackOperation): Promise<void> {
  await call('playbacks.control', { playbackId, operation });
}

/** `DELETE /playbacks/{id}`; one that already finished (404) is stopped already. */
export async function stopPlayback(call: AriRestCall, playbackId: string): Promise<void> {
  await unlessGone(call('playbacks.stop', { playbackId }, { idempotent: true }), undefined);
}

/** `GET /playbacks/{id}`; Asterisk forgets a playback once it finished, hence 404 → null. */
export async function getPlaybackState(call: AriRestCall, playbackId: string): Promise<PbxPlaybackState | null> {
  const playback = await unlessGone(call('playbacks.get', { playbackId }, { idempotent: true }), null);
  return playback === null ? null : playbackState(readPlayback(playback).state);
}

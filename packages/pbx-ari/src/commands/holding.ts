import { unlessGone } from '../ari-error-mapping';
import type { AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/answer`: a call the dialplan sent in rings until the
 * gateway answers it. Answering an answered channel is harmless, so it may
 * be sent again.
 */
export async function answer(call: AriRestCall, legId: string): Promise<void> {
  await call('channels.answer', { channelId: legId }, { idempotent: true });
}

/**
 * `POST /channels/{id}/moh?mohClass=` plays a class of music on hold,
 * `DELETE /channels/{id}/moh` stops it; both are states. A channel gone
 * (404) hears no music any more, which is what stopping asked for: a
 * caller often hangs up while being connected.
 */
export async function setMusicOnHold(call: AriRestCall, legId: string, mohClass: string | null): Promise<void> {
  if (mohClass !== null) await call('channels.startMoh', mohClass ? { channelId: legId, mohClass } : { channelId: legId }, { idempotent: true });
  else await unlessGone(call('channels.stopMoh', { channelId: legId }, { idempotent: true }), undefined);
}

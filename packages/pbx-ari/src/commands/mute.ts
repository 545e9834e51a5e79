import { unlessGone } from '../ari-error-mapping';
import type { AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/mute?direction=in` keeps the audio coming from the
 * leg's device out of the bridge; `DELETE` lets it through again. Only the
 * `in` direction: a muted agent still hears the call. Both are states, so
 * sending one twice is harmless; a leg gone (404) is heard by nobody, which
 * is what unmuting leaves anyway.
 */
export async function setMuted(call: AriRestCall, legId: string, muted: boolean): Promise<void> {
  if (muted) await call('channels.mute', { channelId: legId, direction: 'in' }, { idempotent: true });
  else await unlessGone(call('channels.unmute', { channelId: legId, direction: 'in' }, { idempotent: true }), undefined);
}

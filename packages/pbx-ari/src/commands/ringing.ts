import { unlessGone } from '../ari-error-mapping';
import type { AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/ring` to play ringing tone, `DELETE /channels/{id}/ring`
 * to stop it. Both are states, not actions, so sending one twice is harmless.
 * On a leg not yet answered Asterisk answers 412 (invalid_state). A leg that
 * no longer exists (404) rings no more, which is what stopping asked for:
 * the other party of a call often hangs up while it is being connected.
 */
export async function setRinging(call: AriRestCall, legId: string, ringing: boolean): Promise<void> {
  if (ringing) await call('channels.ring', { channelId: legId }, { idempotent: true });
  else await unlessGone(call('channels.ringStop', { channelId: legId }, { idempotent: true }), undefined);
}

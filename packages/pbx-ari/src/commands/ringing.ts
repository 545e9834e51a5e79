import type { AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/ring` to play ringing tone, `DELETE /channels/{id}/ring`
 * to stop it. Both are states, not actions, so sending one twice is harmless.
 * On a leg not yet answered Asterisk answers 412 (invalid_state).
 */
export async function setRinging(call: AriRestCall, legId: string, ringing: boolean): Promise<void> {
  await call(ringing ? 'channels.ring' : 'channels.ringStop', { channelId: legId }, { idempotent: true });
}

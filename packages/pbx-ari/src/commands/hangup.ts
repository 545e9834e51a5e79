import { unlessGone } from '../ari-error-mapping';
import type { HangupReason } from '@pbx-gateway/core';
import type { AriRestCall } from '../ari-operations';

/**
 * `DELETE /channels/{id}?reason=...`. The core's reasons are ARI's own
 * words (normal, busy, congestion, no_answer, answered_elsewhere). A leg
 * that no longer exists (404) is already what was asked for.
 */
export async function hangup(call: AriRestCall, legId: string, reason?: HangupReason): Promise<void> {
  await unlessGone(call('channels.hangup', reason ? { channelId: legId, reason } : { channelId: legId }, { idempotent: true }), undefined);
}

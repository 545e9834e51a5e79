import { unlessGone } from '../ari-error-mapping';
import { PbxFailure } from '@pbx-gateway/core';
import type { BridgeKind } from '@pbx-gateway/core';
import type { AriRestCall } from '../ari-operations';

/**
 * `POST /bridges/{bridgeId}?type=...`. Asterisk answers 409 when a bridge
 * with that id exists; the port asks to leave such a bridge as it is, so
 * that is success (and it makes the create safe to send twice).
 *
 * Then `POST /applications/{app}/subscription?eventSource=bridge:<id>`:
 * Asterisk tells an application about a bridge only while one of its
 * channels is in it, so media played into an empty conference would start
 * and end unheard. Subscribing is idempotent, and is repeated by every
 * ensure, which reconciliation sends after each reconnection.
 */
export async function ensureBridge(call: AriRestCall, app: string, bridgeId: string, kind: BridgeKind): Promise<void> {
  try {
    await call('bridges.createWithId', { bridgeId, type: kind }, { idempotent: true });
  } catch (error) {
    if (!(error instanceof PbxFailure && error.kind === 'conflict')) throw error;
  }
  await call('applications.subscribe', { applicationName: app, eventSource: `bridge:${bridgeId}` }, { idempotent: true });
}

/** `DELETE /bridges/{bridgeId}`; a bridge that is gone (404) is destroyed already. */
export async function destroyBridge(call: AriRestCall, bridgeId: string): Promise<void> {
  await unlessGone(call('bridges.destroy', { bridgeId }, { idempotent: true }), undefined);
}

/** `POST /bridges/{bridgeId}/addChannel?channel=a,b` (ARI takes a comma-separated list). */
export async function addToBridge(call: AriRestCall, bridgeId: string, legIds: readonly string[]): Promise<void> {
  if (legIds.length === 0) return;
  await call('bridges.addChannel', { bridgeId, channel: legIds.join(',') });
}

/** `POST /bridges/{bridgeId}/removeChannel?channel=x`; 422 when the leg is not in it. */
export async function removeFromBridge(call: AriRestCall, bridgeId: string, legId: string): Promise<void> {
  await call('bridges.removeChannel', { bridgeId, channel: legId });
}

/**
 * `POST /bridges/{bridgeId}/moh?mohClass=x`: music on hold for everyone in
 * the bridge until it is destroyed (a holding bridge plays it itself, a
 * mixing bridge gets an `Announcer/ARI_MOH` channel). Starting it again is
 * harmless, so the request may be sent twice.
 */
export async function startMusicOnHold(call: AriRestCall, bridgeId: string, mohClass: string | null): Promise<void> {
  await call('bridges.startMoh', mohClass === null ? { bridgeId } : { bridgeId, mohClass }, { idempotent: true });
}

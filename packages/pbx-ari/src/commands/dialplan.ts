import type { AriRestCall } from '../ari-operations';

/**
 * `POST /channels/{id}/continue?context=…&extension=…&priority=1`: the leg
 * leaves the application (StasisEnd) and runs the dialplan. An originated
 * leg stays subscribed, so its ChannelDestroyed still reaches the gateway.
 * Not idempotent: a second request would find the leg outside Stasis (409).
 */
export async function continueInDialplan(call: AriRestCall, legId: string, target: { context: string; extension: string }): Promise<void> {
  await call('channels.continueInDialplan', { channelId: legId, context: target.context, extension: target.extension, priority: 1 });
}

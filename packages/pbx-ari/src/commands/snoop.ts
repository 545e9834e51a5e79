import type { OriginatedLeg, SnoopRequest } from '@pbx-gateway/core';
import { legState, readChannel } from '../ari-models';
import type { AriRestCall } from '../ari-operations';
import { originatedLegAppArgs } from '../leg-origin-marker';

/**
 * `POST /channels/{target}/snoop/{snoopId}` into our application with the
 * originated-leg marker, so that the snoop's StasisStart is a `leg_answered`
 * of the leg the core chose. Asterisk creates the snoop channel Up and puts
 * it into the application at once; it hangs the snoop up when its target goes.
 * Not retried: a second request would meet the first snoop's id (500).
 */
export async function snoop(call: AriRestCall, app: string, request: SnoopRequest): Promise<OriginatedLeg> {
  const channel = readChannel(
    await call('channels.snoopChannelWithId', {
      channelId: request.targetLegId,
      snoopId: request.legId,
      spy: request.spy,
      whisper: request.whisper,
      app,
      appArgs: originatedLegAppArgs(),
    }),
  );
  return { legId: channel.id, channelName: channel.name, state: legState(channel.state), context: channel.context };
}

import { PbxFailure } from '@pbx-gateway/core';
import type { CallerId, OriginatedLeg, OriginateRequest } from '@pbx-gateway/core';
import { RequestNotAnswered } from '../ari-error-mapping';
import { legState, readChannel } from '../ari-models';
import type { AriChannel } from '../ari-models';
import type { AriParams, AriRestCall } from '../ari-operations';
import { originatedLegAppArgs } from '../leg-origin-marker';

/**
 * `POST /channels` with our leg id as `channelId`, into our application, with
 * the marker argument that makes its StasisStart a `leg_answered`
 * (leg-origin-marker.ts). Asterisk answers 200 with the channel still Down;
 * the leg enters the application (StasisStart) only once it is answered.
 *
 * Because the id is ours, the request is safe to send twice: if the first one
 * got no answer at all and the second meets 409 ("Channel with given unique
 * ID already exists"), the first one did create the leg, and it is read back
 * with `GET /channels/{id}`.
 */
export async function originate(call: AriRestCall, app: string, request: OriginateRequest): Promise<OriginatedLeg> {
  const params: Record<string, AriParams[string]> = {
    endpoint: request.endpoint,
    app,
    appArgs: originatedLegAppArgs(),
    channelId: request.legId,
  };
  if (request.callerId) params.callerId = formatCallerId(request.callerId);
  if (request.timeoutSec !== undefined) params.timeout = Math.max(1, Math.round(request.timeoutSec));
  if (request.variables && Object.keys(request.variables).length > 0) params.variables = { ...request.variables };

  let channel: AriChannel;
  try {
    channel = readChannel(await call('channels.originate', params));
  } catch (error) {
    if (!(error instanceof RequestNotAnswered)) throw error;
    try {
      channel = readChannel(await call('channels.originate', params));
    } catch (retryError) {
      if (!(retryError instanceof PbxFailure) || retryError.kind !== 'conflict') throw retryError;
      channel = readChannel(await call('channels.get', { channelId: request.legId }, { idempotent: true }));
    }
  }
  return { legId: channel.id, channelName: channel.name, state: legState(channel.state), context: channel.context };
}

/**
 * Asterisk parses `callerId` as `"name" <number>` (or a bare number). Quotes
 * and angle brackets inside the name would end it early, so they are dropped.
 */
export function formatCallerId(callerId: CallerId): string {
  const name = (callerId.name ?? '').replace(/["<>]/g, '').trim();
  const number = callerId.number.replace(/[<>"]/g, '').trim();
  return name === '' ? number : `"${name}" <${number}>`;
}

import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { toEngineChannelName } from '../wire/channel-name';
import { SUCCESS_BODY } from '../wire/response';
import { defineOperation } from './operation';

interface HangupParams {
  channelName: string;
}

const schema: JSONSchemaType<HangupParams> = {
  type: 'object',
  properties: { channelName: { type: 'string' } },
  required: ['channelName'],
  additionalProperties: true,
};

/** Engine channel names are short (`PJSIP/sip100-0000002a`); a longer text names no channel. */
const MAX_CHANNEL_NAME = 256;

/**
 * `hangupcall`: ends the channel `listcalls` showed. 120 without
 * `channelName`, 400 when it is empty; a channel that is not up is a success
 * (hanging up is idempotent) unless `strictHangup` asks for 401.
 */
export const hangupcall = defineOperation({
  name: 'hangupcall',
  action: 'hangupcall',
  auth: { permission: 'Hang up call' },
  input: schema,
  async run({ core, settings }, { channelName: wireName }): Promise<void> {
    if (wireName === '') throw new VoipsunWireError('400');
    if (!core.pbxAvailable()) throw new VoipsunWireError('900');
    const channelName = toEngineChannelName(wireName);
    const { found } = channelName.length > MAX_CHANNEL_NAME ? { found: false } : await core.hangupChannel({ channelName });
    if (!found && settings.strictHangup) throw new VoipsunWireError('401');
  },
  render: () => SUCCESS_BODY,
});

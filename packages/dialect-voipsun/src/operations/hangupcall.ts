import type { RequestParams } from '@pbx-gateway/dialect-kit';
import { compileSchema } from '@pbx-gateway/dialect-kit';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { toEngineChannelName } from '../wire/channel-name';
import { SUCCESS_BODY } from '../wire/response';
import { ajv } from '../wire/schema';
import type { OperationContext, VoipsunOperation } from './action';

interface HangupParams {
  channelName: string;
}

const schema: JSONSchemaType<HangupParams> = {
  type: 'object',
  properties: { channelName: { type: 'string' } },
  required: ['channelName'],
  additionalProperties: true,
};

const validate = compileSchema(ajv, schema);

/** Engine channel names are short (`PJSIP/sip100-0000002a`); a longer text names no channel. */
const MAX_CHANNEL_NAME = 256;

/**
 * `hangupcall`: ends the channel `listcalls` showed. 120 without
 * `channelName`, 400 when it is empty; a channel that is not up is a success
 * (hanging up is idempotent) unless `strictHangup` asks for 401.
 */
export const hangupcall: VoipsunOperation = {
  action: 'hangupcall',
  async run(raw: RequestParams, { core, settings }: OperationContext): Promise<string> {
    const validation = validate(raw);
    if (!validation.ok) throw new VoipsunWireError('120');
    const wireName = validation.value.channelName;
    if (wireName === '') throw new VoipsunWireError('400');
    if (!core.pbxAvailable()) throw new VoipsunWireError('900');
    const channelName = toEngineChannelName(wireName);
    const { found } = channelName.length > MAX_CHANNEL_NAME ? { found: false } : await core.hangupChannel({ channelName });
    if (!found && settings.strictHangup) throw new VoipsunWireError('401');
    return SUCCESS_BODY;
  },
};

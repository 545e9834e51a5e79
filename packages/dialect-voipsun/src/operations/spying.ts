import type { SupervisedParty } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { toEngineChannelName } from '../wire/channel-name';
import { suppliedSelectors } from '../wire/extension-selector';
import { SUCCESS_BODY } from '../wire/response';
import { MAX_CALLER_NAME, MAX_CALLER_NUMBER, callerText, nonEmpty } from '../wire/text';
import { defineOperation, type OperationContext } from './operation';
import { findPartyExtension } from './party-extension';

type SpyingParams = {
  srcExtenPublicNum?: string;
  srcExtenInternalNum?: string;
  srcExtenId?: string;
  srcSipUsername?: string;
  srcDialplanName?: string;
  dstExtenPublicNum?: string;
  dstExtenInternalNum?: string;
  dstExtenId?: string;
  dstSipUsername?: string;
  dstChannelName?: string;
  dstDialplanName?: string;
  spyCid?: string;
  spyName?: string;
};

const optional = { type: 'string', nullable: true } as const;

const schema: JSONSchemaType<SpyingParams> = {
  type: 'object',
  properties: {
    srcExtenPublicNum: optional,
    srcExtenInternalNum: optional,
    srcExtenId: optional,
    srcSipUsername: optional,
    srcDialplanName: optional,
    dstExtenPublicNum: optional,
    dstExtenInternalNum: optional,
    dstExtenId: optional,
    dstSipUsername: optional,
    dstChannelName: optional,
    dstDialplanName: optional,
    spyCid: optional,
    spyName: optional,
  },
  required: [],
  additionalProperties: true,
};

const DEFAULT_SPY_CID = '000';
const DEFAULT_SPY_NAME = 'Spy';
/** Engine channel names are short (`PJSIP/sip100-0000002a`); a longer text names no channel. */
const MAX_CHANNEL_NAME = 256;

/**
 * `spying`: rings the listener's extension; once it answers it hears the
 * call of the extension or channel listened to (core supervision, mode
 * listen). Checks, in order: 120 (no listener or nothing to listen to named),
 * 300 / 301 (more than one of either), the listener's extension (304, 302,
 * 303), the one listened to (312, 310, 311), then a call to listen to (401,
 * the gateway's "Channel not found": the document has no code for an
 * extension in no call or a channel that is not up). An engine refusing to
 * ring the listener is 220, as for originate.
 */
export const spying = defineOperation({
  name: 'spying',
  action: 'spying',
  auth: { permission: 'Eavesdrop' },
  input: schema,
  async run(context, params): Promise<void> {
    const sources = suppliedSelectors(params, 'src');
    const targets = suppliedSelectors(params, 'dst');
    const channelName = nonEmpty(params.dstChannelName);
    const targetCount = targets.length + (channelName === null ? 0 : 1);
    if (sources.length === 0 || targetCount === 0) throw new VoipsunWireError('120');
    if (sources.length > 1) throw new VoipsunWireError('300');
    if (targetCount > 1) throw new VoipsunWireError('301');

    const { core, apiUser } = context;
    const listener = await findPartyExtension(core, sources[0]!, nonEmpty(params.srcDialplanName), {
      dialplanNotFound: '304',
      extensionNotFound: '303',
      ambiguous: '302',
    });
    const supervised = await supervisedParty(context, targets, channelName, nonEmpty(params.dstDialplanName));
    const number = callerText(nonEmpty(params.spyCid), MAX_CALLER_NUMBER);
    const name = callerText(nonEmpty(params.spyName), MAX_CALLER_NAME) ?? number ?? DEFAULT_SPY_NAME;

    await core.startSupervision({
      supervisor: { selector: { by: 'id', value: String(listener.id) }, dialplan: null },
      supervised,
      mode: 'listen',
      callerId: { number: number ?? DEFAULT_SPY_CID, name },
      ringSec: null,
      data: {},
      origin: { dialect: 'voipsun', operation: 'spying', apiUserId: apiUser.id },
    });
  },
  render: () => SUCCESS_BODY,
  errors: { PBX_REJECTED: '220', LEG_NOT_FOUND: '401' },
});

async function supervisedParty(
  { core }: OperationContext,
  targets: ReturnType<typeof suppliedSelectors>,
  channelName: string | null,
  dialplan: string | null,
): Promise<SupervisedParty> {
  if (channelName !== null) {
    const engineName = toEngineChannelName(channelName);
    if (engineName.length > MAX_CHANNEL_NAME) throw new VoipsunWireError('401');
    return { kind: 'channel', channelName: engineName };
  }
  const extension = await findPartyExtension(core, targets[0]!, dialplan, { dialplanNotFound: '312', extensionNotFound: '311', ambiguous: '310' });
  return { kind: 'extension', selector: { by: 'id', value: String(extension.id) }, dialplan: null };
}

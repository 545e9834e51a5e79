import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { callRecordingOf } from '../wire/call-recording';
import { suppliedSelectors } from '../wire/extension-selector';
import { SUCCESS_BODY } from '../wire/response';
import { callData, dialableOrMissing, dialerCidOf, ringSeconds } from '../wire/call-params';
import { MAX_CALLER_NAME, MAX_CALLER_NUMBER, callerText, nonEmpty } from '../wire/text';
import { checkExtensionIdle } from './extension-state-check';
import { checkExtensionAddress } from './extension-address-check';
import { defineOperation } from './operation';

/** The parameters originate reads; all others are ignored, as VoIPSUN ignores them. */
type OriginateParams = {
  dstNum: string;
  srcExtenPublicNum?: string;
  srcExtenInternalNum?: string;
  srcExtenId?: string;
  srcSipUsername?: string;
  dialplanName?: string;
  customCDR1?: string;
  customCDR2?: string;
  customCDR3?: string;
  customCDR4?: string;
  dialerCid?: string;
  dialerName?: string;
  monitorFilename?: string;
  monitorPath?: string;
  monitorType?: string;
  overrideCallerId?: string;
  checkExten?: string;
  checkIpHost?: string;
  checkIpContact?: string;
  macro?: string;
  srcRingTimeout?: string;
  dstRingTimeout?: string;
};

const optional = { type: 'string', nullable: true } as const;

const schema: JSONSchemaType<OriginateParams> = {
  type: 'object',
  properties: {
    dstNum: { type: 'string' },
    srcExtenPublicNum: optional,
    srcExtenInternalNum: optional,
    srcExtenId: optional,
    srcSipUsername: optional,
    dialplanName: optional,
    customCDR1: optional,
    customCDR2: optional,
    customCDR3: optional,
    customCDR4: optional,
    dialerCid: optional,
    dialerName: optional,
    monitorFilename: optional,
    monitorPath: optional,
    monitorType: optional,
    overrideCallerId: optional,
    checkExten: optional,
    checkIpHost: optional,
    checkIpContact: optional,
    macro: optional,
    srcRingTimeout: optional,
    dstRingTimeout: optional,
  },
  required: ['dstNum'],
  additionalProperties: true,
};

const DEFAULT_DIALER_CID = '000';
const DEFAULT_DIALER_NAME = 'Dialer';

/**
 * `originate`: ring one extension, and once it answers dial `dstNum` over the
 * trunk and connect the two (core click-to-call), recorded from then on when
 * `monitorFilename` or `monitorPath` asks it. Checks, in order: 120
 * (`dstNum` missing or not dialable, no source selector), 200 (more than one
 * selector), 120 (a `monitorPath` outside the recording roots, a
 * `monitorFilename` that is not a plain `.wav` name), `checkIpHost` (210), `checkIpContact` (211), `checkExten` (220–228), then what the core finds: 203, 201, 202.
 * An engine refusing to ring the source extension (not registered, no such
 * device) is 220.
 */
export const originate = defineOperation({
  name: 'originate',
  action: 'originate',
  auth: { permission: 'Originate' },
  input: schema,
  async run({ core, settings, apiUser }, params): Promise<void> {
    const destination = dialableOrMissing(params.dstNum);
    const selectors = suppliedSelectors(params, 'src');
    if (selectors.length === 0) throw new VoipsunWireError('120');
    if (selectors.length > 1) throw new VoipsunWireError('200');
    const source = selectors[0]!;
    const dialplan = nonEmpty(params.dialplanName);
    const recording = callRecordingOf(params, settings.recordingRoots);

    await checkExtensionAddress(core, source, dialplan, { host: nonEmpty(params.checkIpHost), contact: nonEmpty(params.checkIpContact) });
    if (nonEmpty(params.checkExten) !== null) await checkExtensionIdle(core, source, dialplan, settings.checkExtenReportsIdle);

    await core.startClickToCall({
      source,
      dialplan,
      destination,
      sourceCallerId: dialerCallerId(params),
      destinationCallerId: callerText(nonEmpty(params.overrideCallerId), MAX_CALLER_NUMBER),
      sourceRingSec: ringSeconds(params.srcRingTimeout),
      destinationRingSec: ringSeconds(params.dstRingTimeout),
      recording,
      data: callData(params),
      origin: { dialect: 'voipsun', operation: 'originate', apiUserId: apiUser.id },
    });
  },
  render: () => SUCCESS_BODY,
  errors: { PBX_REJECTED: '220' },
});

/**
 * What the extension's phone shows: `dialerCid` (or, for `customCDR1`…`4`,
 * that field's value), default `000`; `dialerName`, default the `dialerCid`
 * number when one was given, else `Dialer`.
 */
function dialerCallerId(params: OriginateParams): { number: string; name: string } {
  const requested = nonEmpty(params.dialerCid);
  const number = dialerCidOf(params) ?? DEFAULT_DIALER_CID;
  const name = callerText(nonEmpty(params.dialerName), MAX_CALLER_NAME) ?? (requested === null ? DEFAULT_DIALER_NAME : number);
  return { number, name };
}

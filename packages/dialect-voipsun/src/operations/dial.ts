import type { OutboundRoute } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { callRecordingOf } from '../wire/call-recording';
import { callData, dialableOrMissing, dialerCidOf, ringSeconds } from '../wire/call-params';
import { SUCCESS_BODY } from '../wire/response';
import { MAX_CALLER_NUMBER, callerText, nonEmpty } from '../wire/text';
import { defineOperation } from './operation';

/** The parameters dial reads; all others are ignored, as VoIPSUN ignores them. */
type DialParams = {
  dstNum: string;
  outrouteName?: string;
  outrouteId?: string;
  context?: string;
  hangupContext?: string;
  customCDR1?: string;
  customCDR2?: string;
  customCDR3?: string;
  customCDR4?: string;
  dialerCid?: string;
  monitorFilename?: string;
  monitorPath?: string;
  monitorType?: string;
  overrideCallerId?: string;
  macro?: string;
  dstRingTimeout?: string;
};

const optional = { type: 'string', nullable: true } as const;

const schema: JSONSchemaType<DialParams> = {
  type: 'object',
  properties: {
    dstNum: { type: 'string' },
    outrouteName: optional,
    outrouteId: optional,
    context: optional,
    hangupContext: optional,
    customCDR1: optional,
    customCDR2: optional,
    customCDR3: optional,
    customCDR4: optional,
    dialerCid: optional,
    monitorFilename: optional,
    monitorPath: optional,
    monitorType: optional,
    overrideCallerId: optional,
    macro: optional,
    dstRingTimeout: optional,
  },
  required: ['dstNum'],
  additionalProperties: true,
};

/**
 * `dial`: dial `dstNum` over an outbound route (a provisioned trunk, by
 * `outrouteId` or `outrouteName`; the id wins when both are given) and, once
 * answered, connect it to the dialplan `context` at the number dialled; not
 * answered or failed, `hangupContext` (when given) runs at the number
 * dialled (core context dial). `monitor*` record it as for `originate`.
 * Checks, in order: 120 (`dstNum` missing or not dialable, no route named,
 * no `context`), 251 (`context` or `hangupContext` not one of the
 * provisioned `dialContexts`), 120 (`monitor*` as for `originate`), 250 (no
 * such route). The destination sees `overrideCallerId`, else `dialerCid`.
 */
export const dial = defineOperation({
  name: 'dial',
  action: 'dial',
  auth: { permission: 'Originate' },
  input: schema,
  async run({ core, settings, apiUser }, params): Promise<void> {
    const destination = dialableOrMissing(params.dstNum);
    const route = routeOf(params);
    const context = nonEmpty(params.context);
    if (route === 'none' || context === null) throw new VoipsunWireError('120');
    const hangupContext = nonEmpty(params.hangupContext);
    const known = new Set(settings.dialContexts);
    if (!known.has(context) || (hangupContext !== null && !known.has(hangupContext))) throw new VoipsunWireError('251');
    const recording = callRecordingOf(params, settings.recordingRoots);
    if (route === 'unknown') throw new VoipsunWireError('250');

    await core.startContextDial({
      destination,
      route,
      context,
      hangupContext,
      callerId: callerText(nonEmpty(params.overrideCallerId), MAX_CALLER_NUMBER) ?? dialerCidOf(params),
      ringSec: ringSeconds(params.dstRingTimeout),
      recording,
      data: callData(params),
      origin: { dialect: 'voipsun', operation: 'dial', apiUserId: apiUser.id },
    });
  },
  render: () => SUCCESS_BODY,
});

/** `outrouteId` (a number; anything else names no route), else `outrouteName`; `none` when neither is given. */
function routeOf(params: DialParams): OutboundRoute | 'none' | 'unknown' {
  const id = nonEmpty(params.outrouteId);
  if (id !== null) return /^[0-9]{1,9}$/.test(id) ? { by: 'id', id: Number(id) } : 'unknown';
  const name = nonEmpty(params.outrouteName);
  return name === null ? 'none' : { by: 'name', name };
}

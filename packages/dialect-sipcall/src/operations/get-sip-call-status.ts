import type { JSONSchemaType } from 'ajv';
import type { Extension } from '@pbx-gateway/core';
import { callsOfExtension, type ExtensionCall } from '../extension-calls';
import { text } from '../messages';
import type { SipcallSettings } from '../settings';
import { CALL_STATUS, EXTENSION_CODES } from '../wire/extension-codes';
import { EXTNUMBER_LIST } from '../wire/extension-list';
import { listedExtensions } from '../extension-registrations';
import { success } from '../wire/envelope';
import type { WireObject } from '../wire/php-json';
import { paramsFailure, paramsInput, type ParamRule } from '../wire/params';
import { serviceKind, type SipcallService } from './service';

interface CallStatusParams {
  extnumber: string;
}

const schema: JSONSchemaType<CallStatusParams> = { type: 'object', properties: { extnumber: EXTNUMBER_LIST }, required: ['extnumber'] };

const rules: readonly ParamRule[] = [{ name: 'extnumber', invalid: { key: 'invalidExtnumber', vars: { name: 'extnumber' } } }];

const wholeSeconds = (from: Date, to: Date): number => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));

/**
 * `App.Sip_Status.GetSipCallStatus`: what each extension of the comma list is
 * doing, from the engine's endpoints and the core's live calls:
 * `result: [{"extnumber","status","idleduration","callduration","direction","caller","callee"}]`
 * with `status` 1200 offline, 1201 idle, 1202 ringing, 1203 off-hook (its
 * phone answered, the other side not yet), 1204 in call; `1012` for a number
 * that is no extension. `callduration` counts from the call's answer;
 * `idleduration` (an extension in no call) counts from when its phone last
 * left a call, 0 when it never was in one.
 */
export function getSipCallStatus(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const input = paramsInput(kind.compile(schema), rules);
  return kind.define({
    name: 'App.Sip_Status.GetSipCallStatus',
    service: 'App.Sip_Status.GetSipCallStatus',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, settings.language),
    async run(ctx, request) {
      const listed = await listedExtensions(ctx.core, request.extnumber);
      const live = await ctx.core.listLiveCalls();
      const now = ctx.core.clock.now();
      return Promise.all(
        listed.map(async ({ extnumber, extension, registered }): Promise<WireObject> => {
          if (!extension) return idle(extnumber, EXTENSION_CODES.notFound, 0);
          const current = callsOfExtension(extension, live)[0];
          if (current) return inCall(extension, current, now);
          const lastEnd = await ctx.core.lastCallEndOfExtension(extension.id);
          return idle(extension.internalNumber, registered ? CALL_STATUS.idle : CALL_STATUS.offline, lastEnd ? wholeSeconds(lastEnd, now) : 0);
        }),
      );
    },
    render: (result, ctx) => success(text(settings.language, 'queryDone'), ctx.reqtime, ctx.core.clock.now(), result),
  });
}

function idle(extnumber: string, status: number, idleduration: number): WireObject {
  return { extnumber, status, idleduration, callduration: 0, direction: '', caller: '', callee: '' };
}

function inCall(extension: Extension, current: ExtensionCall, now: Date): WireObject {
  const { call } = current;
  const inbound = call.direction === 'inbound';
  return {
    extnumber: extension.internalNumber,
    status: callStatus(current),
    idleduration: 0,
    callduration: call.answeredAt ? wholeSeconds(call.answeredAt, now) : 0,
    direction: inbound ? 'callin' : 'callout',
    caller: inbound ? call.fromNumber : extension.internalNumber,
    callee: inbound ? extension.internalNumber : call.toNumber,
  };
}

/** Ringing while the extension's side rings; in call once the call is answered; off-hook in between. */
function callStatus({ call, legs }: ExtensionCall): number {
  if (legs.some((leg) => leg.state === 'up')) return call.state === 'answered' ? CALL_STATUS.inCall : CALL_STATUS.offHook;
  return CALL_STATUS.ringing;
}

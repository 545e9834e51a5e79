import type { Call, Leg } from '@pbx-gateway/core';
import type { SipcallCallbackSettings } from '../settings';
import type { WireObject } from '../wire/php-json';
import { unixSeconds } from '../wire/time';
import type { CompanyCallbacks } from './company';

export type ExtensionStatus = 'ring' | 'answer' | 'hangup';

/**
 * The extension status callback of a group member's leg, keys in the seed's
 * order and every value a string. In a voice-menu call the platform's first
 * leg is the customer (`uuid`: the call id) and the extensions rung on the key
 * are B legs (`buuid`: the member leg id, `isbleg` "true"). Following the
 * vendor's field descriptions, `caller` is the extension and `callee` the
 * customer's number; `disnumber` is the number shown to the customer.
 */
export function statusCallbackBody(
  call: Call,
  leg: Leg,
  status: ExtensionStatus,
  company: CompanyCallbacks,
  settings: SipcallCallbackSettings,
): WireObject {
  const extension = leg.dialedNumber;
  const body: Record<string, string> = {
    buuid: leg.id,
    callee: call.toNumber,
    caller: extension,
    companycode: company.companycode,
    direction: call.direction === 'inbound' ? 'callin' : 'callout',
    disnumber: call.fromNumber,
    extnumber: extension,
    isbleg: 'true',
    method: settings.statusMethod,
    starttime: String(unixSeconds(call.createdAt)),
    status,
    uuid: call.id,
    ip: company.nodeIp,
  };
  if (settings.statusExtras) {
    body.customuuid = typeof call.data.customuuid === 'string' ? call.data.customuuid : '';
    body.type = 'call';
  }
  return body;
}

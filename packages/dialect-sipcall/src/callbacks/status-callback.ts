import type { Call, Leg } from '@pbx-gateway/core';
import type { SipcallCallbackSettings } from '../settings';
import type { WireObject } from '../wire/php-json';
import { unixSeconds } from '../wire/time';
import type { CompanyCallbacks } from './company';
import { seatExtension } from '../seats';

export type ExtensionStatus = 'ring' | 'answer' | 'hangup';

/** The vendor's `method` of a status callback for a two-way call (its table: 3 API call, 4 double call). */
const DOUBLE_CALL_METHOD = '4';

/**
 * Whether a leg's events are reported, and how: the extensions of a voice
 * menu's group are B legs (the customer is the platform's A leg); in a
 * MakeCall or DoubleCall the extension's side (its phone, or the staff
 * member's mobile) is the A leg and the customer the B leg. The party a
 * TransferCall dials (an extension or a number) is a B leg, as are the
 * seats' phones rung for a customer transferred into a queue. Other legs
 * (the voice menu's customer) have no status callback.
 */
export function reportedSide(call: Call, leg: Leg): 'a' | 'b' | null {
  if (leg.role === 'member' || leg.role === 'third_party') return 'b';
  if (call.purpose === 'inbound') return leg.role === 'agent' ? 'b' : null;
  if (call.purpose !== 'click_to_call') return null;
  if (leg.role === 'source') return 'a';
  return leg.role === 'destination' ? 'b' : null;
}

/**
 * The extension status callback of a leg, keys in the seed's order and every
 * value a string. `uuid` is the call id; `buuid` the B leg's id, empty for an
 * event of the A leg, with `isbleg` saying which leg the event is about.
 * Following the vendor's field descriptions, `caller` and `extnumber` are the
 * extension and `callee` the customer's number; `disnumber` is the number
 * shown to the customer.
 */
export function statusCallbackBody(
  call: Call,
  leg: Leg,
  status: ExtensionStatus,
  company: CompanyCallbacks,
  settings: SipcallCallbackSettings,
): WireObject {
  const side = reportedSide(call, leg) ?? 'b';
  const { extension, callee } = partiesOf(call, leg);
  const body: Record<string, string> = {
    buuid: side === 'b' ? leg.id : '',
    callee,
    caller: extension,
    companycode: company.companycode,
    direction: call.direction === 'inbound' ? 'callin' : 'callout',
    disnumber: presentedNumber(call),
    extnumber: extension,
    isbleg: side === 'b' ? 'true' : 'false',
    method: call.origin.operation === 'DoubleCall' ? DOUBLE_CALL_METHOD : settings.statusMethod,
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

/**
 * The extension a leg's callback is about and the number it talks to. An
 * extension's own leg (a voice menu's member, the extension a transfer
 * rings, a seat rung for a queued customer) is that extension, talking to
 * the customer; a click-to-call's legs, and a number outside a transfer
 * dials, are the call's extension's, the outside number's leg talking to
 * that number.
 */
function partiesOf(call: Call, leg: Leg): { extension: string; callee: string } {
  const customer = call.purpose === 'inbound' ? call.fromNumber : call.toNumber;
  if (call.purpose === 'inbound') {
    // A seat's phone is its agent's device: the agent the leg was rung for names the extension.
    const agentId = call.progress.agentLegs.find((rung) => rung.legId === leg.id)?.agentId ?? (call.progress.agentLegId === leg.id ? call.agentId : null);
    return { extension: (agentId !== null && seatExtension(agentId)) || leg.dialedNumber, callee: customer };
  }
  if (leg.role === 'third_party' && leg.account?.kind !== 'extension') return { extension: call.extension ?? '', callee: leg.dialedNumber };
  if (call.purpose === 'click_to_call' && leg.role !== 'third_party') return { extension: call.extension ?? '', callee: customer };
  return { extension: leg.dialedNumber, callee: customer };
}

/** The number the customer sees: a click-to-call's chosen caller id, else the call's calling number. */
export function presentedNumber(call: Call): string {
  return call.purpose === 'click_to_call' ? call.progress.destinationCallerId : call.fromNumber;
}

import type { Call, Leg } from './call';
import { newLegId } from '../kernel/ids';

/** What distinguishes one new call from another; everything else starts empty. */
export type NewCallFields = Pick<Call, 'id' | 'purpose' | 'stage' | 'agentId' | 'fromNumber' | 'toNumber' | 'origin'> &
  Partial<Pick<Call, 'tenant' | 'bridgeId' | 'extension' | 'data'>>;

/** A call the gateway places, just created: set up, not answered, not ended. */
export function newCall(fields: NewCallFields, now: Date): Call {
  return {
    direction: 'outbound',
    state: 'setup',
    tenant: null,
    bridgeId: null,
    extension: null,
    data: {},
    ...fields,
    createdAt: now,
    answeredAt: null,
    endedAt: null,
    hangupCause: null,
    hangupCauseText: null,
    hangupSide: null,
  };
}

export function newLeg(
  call: Call,
  ordinal: number,
  role: Leg['role'],
  endpoint: string,
  callerId: { number: string; name: string },
  now: Date,
  extra: Partial<Pick<Leg, 'dialedNumber' | 'account'>> = {},
): Leg {
  return {
    id: newLegId(call.id, ordinal),
    callId: call.id,
    role,
    endpoint,
    channelName: null,
    context: '',
    state: 'dialing',
    callerNumber: callerId.number,
    callerName: callerId.name,
    dialedNumber: extra.dialedNumber ?? '',
    account: extra.account ?? null,
    createdAt: now,
    answeredAt: null,
    endedAt: null,
    cause: null,
    causeText: null,
    hangupRequested: false,
  };
}

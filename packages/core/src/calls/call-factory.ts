import type { Call, CallOf, CallPurpose, CallRecord, Leg } from './call';
import type { CallProgressByPurpose } from './call-progress';
import { newLegId } from '../kernel/ids';

/** What distinguishes one new call from another; everything else starts empty. */
export type NewCallFields<P extends CallPurpose> = Pick<CallRecord, 'id' | 'agentId' | 'fromNumber' | 'toNumber' | 'origin'> &
  Partial<Pick<CallRecord, 'direction' | 'tenant' | 'bridgeId' | 'extension' | 'data'>> & { purpose: P; progress: CallProgressByPurpose[P] };

/** A call just created (by default one the gateway places): set up, not answered, not ended. */
export function newCall<P extends CallPurpose>(fields: NewCallFields<P>, now: Date): CallOf<P> {
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
    // One object of one purpose; TypeScript cannot follow a generic purpose into the conditional type.
  } as CallOf<P>;
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

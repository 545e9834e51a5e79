import type { Call, Leg } from '../model/call';
import { newLegId } from './resource-ids';

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

import type { HangupReason } from '@pbx-gateway/core';

export interface HangupCause {
  cause: number;
  causeText: string;
}

/**
 * Q.850 causes with the texts Asterisk gives them (ast_cause2str), for the
 * places where the adapter has a cause number but the engine sent no text:
 * a ChannelHangupRequest carries only the number.
 */
const CAUSE_TEXTS: Readonly<Record<number, string>> = {
  0: 'Unknown',
  1: 'Unallocated (unassigned) number',
  3: 'No route to destination',
  16: 'Normal Clearing',
  17: 'User busy',
  18: 'No user responding',
  19: 'User alerting, no answer',
  20: 'Subscriber absent',
  21: 'Call Rejected',
  26: 'Answered elsewhere',
  27: 'Destination out of order',
  28: 'Invalid number format',
  31: 'Normal, unspecified',
  34: 'Circuit/channel congestion',
  38: 'Network out of order',
  41: 'Temporary failure',
  42: 'Switching equipment congestion',
  44: 'Requested channel not available',
  127: 'Interworking, unspecified',
};

export function hangupCause(cause: number): HangupCause {
  return { cause, causeText: CAUSE_TEXTS[cause] ?? 'Unknown' };
}

/** The cause Asterisk sets for `DELETE /channels/{id}?reason=...` (its convert_reason_to_hangup_code). */
const CAUSE_OF_REASON: Readonly<Record<HangupReason, number>> = {
  normal: 16,
  busy: 17,
  congestion: 34,
  no_answer: 19,
  answered_elsewhere: 26,
};

export const causeOfHangupReason = (reason: HangupReason): HangupCause => hangupCause(CAUSE_OF_REASON[reason]);

/** The Q.850 cause of a final Dial status, for the statuses that name one. */
const CAUSE_OF_DIAL_STATUS: Readonly<Record<string, number>> = {
  BUSY: 17,
  NOANSWER: 19,
  CONGESTION: 34,
};

export function causeOfDialStatus(status: string): HangupCause | null {
  const cause = CAUSE_OF_DIAL_STATUS[status];
  return cause === undefined ? null : hangupCause(cause);
}

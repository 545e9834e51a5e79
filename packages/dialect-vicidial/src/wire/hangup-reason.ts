import type { Cdr, HangupSide } from '@pbx-gateway/core';

/**
 * Who ended a call, in VICIdial's words: the customer (CALLER) or the
 * agent (AGENT); empty while the call is up. The gateway ends a lead call
 * itself only on the agent's (or its CRM's) command, so its own end counts
 * as the agent's. On a call the agent placed the customer is the callee; on
 * one taken, the caller.
 */
export function hangupReasonOf(cdr: Pick<Cdr, 'direction' | 'hangupSide'> | null): string {
  if (!cdr) return '';
  const customerSide: HangupSide = cdr.direction === 'inbound' ? 'caller' : 'callee';
  return cdr.hangupSide === customerSide ? 'CALLER' : 'AGENT';
}

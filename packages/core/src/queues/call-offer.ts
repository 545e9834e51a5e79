import type { CallOf } from '../calls/call';

type InboundCall = CallOf<'inbound'>;

/**
 * The timer of one offer to an agent who answers through its client: named
 * after the agent and the moment of the offer, so that the timer of an
 * earlier offer of the same call to the same agent cannot end a later one.
 */
const ANSWER_WAIT = 'answer_wait';

export const answerWaitTimer = (agentId: string, at: string): string => `${ANSWER_WAIT}:${agentId}:${at}`;

/** The offer a timer is for, or null when the timer is not an offer's. */
export function offerOfTimer(timer: string): { agentId: string; at: string } | null {
  const match = /^answer_wait:([^:]+):(.+)$/.exec(timer);
  return match ? { agentId: match[1]!, at: match[2]! } : null;
}

/** The offers of the call still waiting for their agent's answer. */
export const offersOf = (call: InboundCall): ReadonlyArray<{ agentId: string; at: string }> => call.progress.offers ?? [];

/** The call without the offer to one agent. */
export function withoutOffer(call: InboundCall, agentId: string): InboundCall {
  const offers = offersOf(call).filter((offer) => offer.agentId !== agentId);
  return { ...call, progress: { ...call.progress, offers } };
}

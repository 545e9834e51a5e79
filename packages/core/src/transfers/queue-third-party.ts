import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CustomerCall } from './agent-call';
import { ANSWER_WHEN_TAKEN } from '../queues/answer-when-taken';
import { dialThirdPartyLeg, refuseSecondThirdParty } from './third-party';

/** A queue dialled as the third party of an agent's call (a consultation with the queue's agent). */
export interface QueueThirdPartyRequest {
  queueName: string;
  /** The one agent who is to take it there (any of the queue's when absent or null). */
  forAgentId?: string | null;
  /** The number the third-party leg shows; null: the call's own caller id. */
  callerId: string | null;
  /**
   * The third party answers only once an agent of the queue takes the
   * queued call (a transfer waiting for its target: transfer-on-answer.ts),
   * rather than as soon as the call is queued. Absent: at once.
   */
  answerWhenTaken?: boolean;
}

/**
 * The Local channel a queue is dialled through. Its `;1` half is the third
 * party of the agent's call; its `;2` half runs the dialplan context
 * `gateway-queue` (docker/asterisk/extensions.conf, and pbx-sim's), which
 * hands it to the application with the variables below as arguments, to be
 * queued as a call of its own (queues/inbound-arrival.ts). `GATEWAY_ANSWER`
 * `taken` keeps the `;2` half unanswered until an agent takes it.
 */
export const QUEUE_DIAL_ENDPOINT = 'Local/s@gateway-queue';

/**
 * Dials a queue into an agent's customer call (VICIdial's consultative
 * 3-way call with an in-group): the queue's agent gets a queued call of its
 * own, with the call's lead and the customer's number, through the queue's
 * distribution; once it is queued (answered, hearing the queue's music) the
 * third-party leg joins the agent's call, so agent and customer hear the
 * music, then the queue's agent. From then on it is a third party like any
 * other (hung up, left with the customer). Refused for a queue that is
 * missing or inactive and for an agent nobody knows.
 */
export async function addQueueThirdPartyLeg<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  request: QueueThirdPartyRequest,
): Promise<{ call: C; leg: Leg }> {
  refuseSecondThirdParty(legs);
  const queue = await uow.tx.queues.get(request.queueName);
  if (!queue?.active) throw new DomainError('QUEUE_NOT_FOUND', `no active queue ${request.queueName}`, { queueName: request.queueName });
  const forAgentId = request.forAgentId ?? null;
  if (forAgentId !== null && !(await uow.tx.agents.get(forAgentId))) throw new DomainError('AGENT_NOT_FOUND', `no agent ${forAgentId}`, { agentId: forAgentId });
  const leadId = call.progress.leadId ?? null;
  // The customer's number: a callout's called number, a queued call's caller.
  const customerNumber = call.purpose === 'inbound' ? call.fromNumber : call.toNumber;
  return dialThirdPartyLeg(ctx, uow, call, legs, {
    endpoint: QUEUE_DIAL_ENDPOINT,
    account: null,
    dialedNumber: queue.name,
    callerId: request.callerId ?? call.fromNumber,
    dtmf: null,
    variables: {
      GATEWAY_QUEUE: queue.name,
      GATEWAY_LEAD: leadId === null ? '' : String(leadId),
      GATEWAY_AGENT: forAgentId ?? '',
      GATEWAY_CALLER: customerNumber,
      ...(request.answerWhenTaken ? { GATEWAY_ANSWER: ANSWER_WHEN_TAKEN } : {}),
    },
  });
}

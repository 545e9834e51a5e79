import type { AgentSession } from '../agents/agent';
import type { Leg } from '../calls/call';
import type { PendingTransfer } from '../calls/call-progress';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { connectedCustomer, customerRoleOf, type CustomerCall } from './agent-call';
import { parkLeg } from './park';
import { withPendingTransfer } from './pending-transfer';

/** How a transfer that waits for its target is asked for: where the agent goes once it took, and the dialect's word for it. */
export interface TransferOnAnswerRequest {
  agentAfterCall?: AgentSession['afterCall'];
  tag?: string | null;
}

/** Dials the target of a transfer into the call as its third party: the call as it goes on, and the target's leg. */
export type DialTarget = <C extends CustomerCall>(call: C, legs: readonly Leg[]) => Promise<{ call: C; leg: Leg }>;

/**
 * A transfer that takes effect only once its target answers (Huawei's
 * success transfer): the customer is parked (music on hold) and stays the
 * agent's while the target is dialled as a third party: a number, or a
 * queue whose dialplan half is answered only when one of its agents (or the
 * one agent named) takes it (queue-third-party.ts). Its answer hands the
 * customer over (pending-transfer.ts: transferAnswered); its failure (no
 * answer within the ring time, busy, refused, nobody of the queue taking
 * it) gives the customer back to the agent (transferTargetGone). The third
 * party's leg.
 */
export async function startTransferOnAnswer<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  dialTarget: DialTarget,
  request: TransferOnAnswerRequest,
): Promise<string> {
  const customer = connectedCustomer(legs, customerRoleOf(call));
  const held = parkLeg(ctx, uow, call, customer);
  const { call: dialling, leg } = await dialTarget(held, legs);
  const pendingTransfer: PendingTransfer = { legId: leg.id, agentAfterCall: request.agentAfterCall ?? 'wrap_up', tag: request.tag ?? null };
  await uow.tx.calls.update(withPendingTransfer(dialling, pendingTransfer));
  return leg.id;
}

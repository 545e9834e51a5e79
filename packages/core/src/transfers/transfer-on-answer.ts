import type { AgentSession } from '../agents/agent';
import type { Leg } from '../calls/call';
import type { PendingTransfer } from '../calls/call-progress';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { connectedCustomer, customerRoleOf, type CustomerCall } from './agent-call';
import { parkLeg } from './park';
import { withPendingTransfer } from './pending-transfer';
import { addThirdPartyLeg, type ThirdPartyRequest } from './third-party';

/** How a transfer that waits for its target is asked for: where the agent goes once it took, and the dialect's word for it. */
export interface TransferOnAnswerRequest {
  agentAfterCall?: AgentSession['afterCall'];
  tag?: string | null;
}

/**
 * A transfer that takes effect only once its target answers (Huawei's
 * success transfer): the customer is parked (music on hold) and stays the
 * agent's while the number is dialled as a third party. Its answer hands the
 * customer over (pending-transfer.ts: transferAnswered); its failure (no answer within the ring
 * time, busy, refused) gives the customer back to the agent
 * (transferTargetGone). The third party's leg.
 */
export async function startTransferOnAnswer<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  party: ThirdPartyRequest,
  request: TransferOnAnswerRequest,
): Promise<string> {
  const customer = connectedCustomer(legs, customerRoleOf(call));
  const held = parkLeg(ctx, uow, call, customer);
  const { call: dialling, leg } = await addThirdPartyLeg(ctx, uow, held, legs, party);
  const pendingTransfer: PendingTransfer = { legId: leg.id, agentAfterCall: request.agentAfterCall ?? 'wrap_up', tag: request.tag ?? null };
  await uow.tx.calls.update(withPendingTransfer(dialling, pendingTransfer));
  return leg.id;
}

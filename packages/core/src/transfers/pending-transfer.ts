import type { Leg } from '../calls/call';
import type { PendingTransfer } from '../calls/call-progress';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { agentLeavesCall } from './agent-leaves';
import { customerRoleOf, liveLegOf, type CustomerCall } from './agent-call';
import { grabLeg } from './park';

/** The transfer waiting for this third party's answer, if any. */
export const pendingTransferOf = (call: CustomerCall, leg: Leg): PendingTransfer | null =>
  call.progress.pendingTransfer?.legId === leg.id ? call.progress.pendingTransfer : null;

/** The call with its pending transfer set (or cleared with null). */
export const withPendingTransfer = <C extends CustomerCall>(call: C, pendingTransfer: PendingTransfer | null): C => ({ ...call, progress: { ...call.progress, pendingTransfer } });

const withoutPending = <C extends CustomerCall>(call: C): C => withPendingTransfer(call, null);

/**
 * The target of a pending transfer answered (called by the call's flow
 * before it records the answer and bridges the target): the agent is told,
 * then leaves the call to the customer (back from hold) and the target, as
 * in a blind transfer. The call as it goes on.
 */
export async function transferAnswered<C extends CustomerCall>(ctx: CoreContext, uow: UnitOfWork, call: C, pending: PendingTransfer): Promise<C> {
  const cleared = withoutPending(call);
  const agentId = call.agentId;
  if (agentId === null) {
    await uow.tx.calls.update(cleared);
    return cleared;
  }
  uow.publish({ type: 'CustomerTransferred', callId: call.id, agentId, toCallId: call.id, tag: pending.tag, tenant: call.tenant, at: uow.now });
  const session = await uow.tx.sessions.lock(agentId);
  return agentLeavesCall(ctx, uow, session, cleared, await uow.tx.calls.legsOf(call.id), pending.agentAfterCall);
}

/**
 * The target of a pending transfer ended before answering (the call's flow
 * calls this from the leg's end): the customer comes back from hold to the
 * agent, who is told the transfer failed. A customer already gone (its end
 * ends the call) is nobody's to give back. The call as it goes on.
 */
export async function transferTargetGone<C extends CustomerCall>(ctx: CoreContext, uow: UnitOfWork, call: C, pending: PendingTransfer, legs: readonly Leg[]): Promise<C> {
  let current = withoutPending(call);
  const customer = liveLegOf(legs, customerRoleOf(call));
  if (customer && call.agentId !== null) {
    current = grabLeg(ctx, uow, current, customer);
    uow.publish({ type: 'TransferFailed', callId: call.id, agentId: call.agentId, tag: pending.tag, tenant: call.tenant, at: uow.now });
  }
  await uow.tx.calls.update(current);
  return current;
}

import type { CallOf, Leg } from '../calls/call';
import { hangupRequestedLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { customerRoleOf, liveLegOf, type CustomerCall } from './agent-call';

/**
 * Releases the customer of an agent's call, named by its number (the number
 * a callout dialled, the number a skill call's caller called from), while the
 * agent talks with a third party it dialled itself (a consultation with the
 * customer held, or the three-way call it became): the customer is hung up
 * and the call goes on between the agent and that party, which takes the
 * customer's place (its role, so that the call's flow ends the call when it
 * leaves, as when a customer leaves; of a skill call it becomes the caller).
 * A helping agent is no customer: with a helper on the call, or no answered
 * third party, or another number, nothing is released (false).
 */
export async function releaseCustomerByNumber(ctx: CoreContext, uow: UnitOfWork, call: CustomerCall, legs: readonly Leg[], number: string): Promise<boolean> {
  const role = customerRoleOf(call);
  const customer = liveLegOf(legs, role);
  const party = liveLegOf(legs, 'third_party');
  if (!customer || !party || party.state !== 'up' || call.progress.helperLeg?.legId === party.id) return false;
  const customerNumber = call.purpose === 'inbound' ? customer.callerNumber || call.fromNumber : customer.dialedNumber || call.toNumber;
  if (customerNumber !== number) return false;
  const parked = call.progress.parkedLegIds;
  // The released customer is the third party whose end the flow expects; the party stays as the customer.
  const progress = {
    thirdPartyLegId: customer.id,
    thirdPartyDtmf: null,
    ...(parked ? { parkedLegIds: parked.filter((id) => id !== customer.id) } : {}),
  };
  if (call.purpose === 'inbound') {
    const next: CallOf<'inbound'> = { ...call, progress: { ...call.progress, ...progress, callerLegId: party.id } };
    await uow.tx.calls.update(next);
  } else {
    const next: CallOf<'agent_customer'> = { ...call, progress: { ...call.progress, ...progress } };
    await uow.tx.calls.update(next);
  }
  await uow.tx.calls.updateLeg({ ...party, role });
  await hangupRequestedLeg(ctx, uow, { ...customer, role: 'third_party' }, 'release customer');
  return true;
}

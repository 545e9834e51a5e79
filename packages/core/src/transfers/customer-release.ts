import type { CallOf, Leg } from '../calls/call';
import { hangupRequestedLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { liveLegOf, type CustomerCall } from './agent-call';

/**
 * Releases the customer of an agent's callout, named by the number it was
 * dialled to, while the agent talks with a third party it dialled itself
 * (a consultation with the customer held, or the three-way call it became):
 * the customer is hung up and the call goes on between the agent and that
 * party, which takes the customer's place (its role, so that the call's
 * flow ends the call when it leaves, as when a customer leaves). A helping
 * agent is no customer: with a helper on the call, or no answered third
 * party, or another number, nothing is released (false). A queued call's
 * caller is the call itself and is not released this way (false).
 */
export async function releaseCustomerByNumber(ctx: CoreContext, uow: UnitOfWork, call: CustomerCall, legs: readonly Leg[], number: string): Promise<boolean> {
  if (call.purpose !== 'agent_customer') return false;
  const customer = liveLegOf(legs, 'customer');
  const party = liveLegOf(legs, 'third_party');
  if (!customer || !party || party.state !== 'up' || call.progress.helperLeg?.legId === party.id) return false;
  if ((customer.dialedNumber || call.toNumber) !== number) return false;
  const parked = call.progress.parkedLegIds;
  const next: CallOf<'agent_customer'> = {
    ...call,
    progress: {
      ...call.progress,
      // The released customer is the third party whose end the flow expects; the party stays as the customer.
      thirdPartyLegId: customer.id,
      thirdPartyDtmf: null,
      ...(parked ? { parkedLegIds: parked.filter((id) => id !== customer.id) } : {}),
    },
  };
  await uow.tx.calls.update(next);
  await uow.tx.calls.updateLeg({ ...party, role: 'customer' });
  await hangupRequestedLeg(ctx, uow, { ...customer, role: 'third_party' }, 'release customer');
  return true;
}

import type { Leg } from '../calls/call';
import { recordLegAnswered } from '../calls/call-lifecycle';
import { bridgeLeg } from '../calls/call-primitives';
import { hangupLeg, hangupOtherLegs } from '../calls/leg-hangup';
import { sendThirdPartyKeys } from '../calls/third-party-keys';
import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { extensionPartyRoleOf, isLeftBehind, withTransferProgress, type ExtensionCall } from './extension-call';

/**
 * The third party an extension handed its party to answered (the flows of
 * click-to-calls and voice menus call this): it joins the call's bridge,
 * the party's ringing tone stops, and it hears the keys it was dialled with.
 */
export async function extensionThirdPartyAnswered<C extends ExtensionCall>(ctx: CoreContext, uow: UnitOfWork, call: C, leg: Leg): Promise<C> {
  await recordLegAnswered(uow, call, leg);
  bridgeLeg(ctx, uow, call.bridgeId ?? callBridgeId(call.id), leg.id, { what: 'bridge third party', create: false, whenGone: (next) => hangupLeg(ctx, next, leg.id) });
  sendThirdPartyKeys(ctx, uow, call.progress, leg);
  const party = (await uow.tx.calls.legsOf(call.id)).find((other) => other.role === extensionPartyRoleOf(call) && other.state !== 'ended');
  if (party) uow.engine.bestEffort('stop ringing', () => ctx.pbx.setRinging(party.id, false));
  return call;
}

/**
 * A leg of an extension call the extension left ended: the extension's own
 * leg (hung up by the transfer) changes nothing; the party or the third
 * party leaving ends the call, as either side of a call does.
 */
export async function extensionHandedOnLegEnded<C extends ExtensionCall>(ctx: CoreContext, uow: UnitOfWork, call: C, leg: Leg, legs: readonly Leg[]): Promise<C> {
  if (isLeftBehind(call, leg)) return call;
  let current = call;
  if (leg.role === 'third_party' && call.progress.thirdPartyLegId === leg.id) {
    current = withTransferProgress(call, { thirdPartyLegId: null, thirdPartyDtmf: null });
    await uow.tx.calls.update(current);
  }
  await hangupOtherLegs(ctx, uow, legs, null);
  return current;
}

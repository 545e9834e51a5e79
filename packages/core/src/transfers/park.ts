import type { Leg } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { callHoldBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CustomerCall } from './agent-call';

const LEG_MAY_BE_GONE = { refusalIsOrdinary: true };

/** The call with its parked legs replaced (both kinds of customer call keep them alike). */
const withParked = <C extends CustomerCall>(call: C, parkedLegIds: string[]): C => ({ ...call, progress: { ...call.progress, parkedLegIds } });

/**
 * Parks a leg: it moves out of the call's bridge into the call's holding
 * bridge, where it hears music on hold (the engine's default class) and
 * nobody hears it. The holding bridge is made, and its music started, the
 * first time the call parks anything; it goes when the call ends.
 */
export function parkLeg<C extends CustomerCall>(ctx: CoreContext, uow: UnitOfWork, call: C, leg: Leg): C {
  const parked = call.progress.parkedLegIds;
  if (parked?.includes(leg.id)) return call;
  const holdBridgeId = callHoldBridgeId(call.id);
  if (parked === undefined) uow.engine.command('create hold bridge', () => ctx.pbx.ensureBridge(holdBridgeId, 'holding'));
  // A leg that hung up as it was parked is no failure: its end, the next event, ends what it was part of.
  uow.engine.command('park leg', () => ctx.pbx.addToBridge(holdBridgeId, [leg.id]), LEG_MAY_BE_GONE);
  if (parked === undefined) uow.engine.command('music on hold', () => ctx.pbx.startMusicOnHold(holdBridgeId, null));
  return withParked(call, [...(parked ?? []), leg.id]);
}

/** Brings a parked leg back into the call's bridge; a leg that is not parked stays where it is. */
export function grabLeg<C extends CustomerCall>(ctx: CoreContext, uow: UnitOfWork, call: C, leg: Leg): C {
  const parked = call.progress.parkedLegIds ?? [];
  if (!parked.includes(leg.id) || !call.bridgeId) return call;
  const bridgeId = call.bridgeId;
  uow.engine.command('grab leg', () => ctx.pbx.addToBridge(bridgeId, [leg.id]), LEG_MAY_BE_GONE);
  return withParked(call, parked.filter((id) => id !== leg.id));
}

/** Whether a leg sits in the call's holding bridge. */
export const isParked = (call: CustomerCall, leg: Leg): boolean => call.progress.parkedLegIds?.includes(leg.id) === true;

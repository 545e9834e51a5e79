import { isLive, type Leg } from './call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';

/** Asks the engine to end a leg, remembering that the gateway did. */
export async function hangupLeg(ctx: CoreContext, uow: UnitOfWork, legId: string): Promise<void> {
  const leg = await uow.tx.calls.getLeg(legId);
  if (!leg || !isLive(leg)) return;
  await requestHangup(ctx, uow, leg);
}

/** Asks the engine to end every live leg of a call except `keep`. */
export async function hangupOtherLegs(ctx: CoreContext, uow: UnitOfWork, legs: readonly Leg[], keep: string | null): Promise<void> {
  for (const leg of legs) {
    if (leg.id === keep || leg.state === 'ended' || leg.hangupRequested) continue;
    await requestHangup(ctx, uow, leg);
  }
}

async function requestHangup(ctx: CoreContext, uow: UnitOfWork, leg: Leg): Promise<void> {
  await uow.tx.calls.updateLeg({ ...leg, hangupRequested: true });
  uow.engine.bestEffort('hang up leg', () => ctx.pbx.hangup(leg.id));
}

/** Asks the engine to end a leg a client asked to end: unlike clean-up, a refusal is the command's failure. */
export async function hangupRequestedLeg(ctx: CoreContext, uow: UnitOfWork, leg: Leg, what: string): Promise<void> {
  await uow.tx.calls.updateLeg({ ...leg, hangupRequested: true });
  uow.engine.command(what, () => ctx.pbx.hangup(leg.id));
}

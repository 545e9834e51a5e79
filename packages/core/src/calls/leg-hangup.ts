import { isLive } from './call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { pbxBestEffort } from '../kernel/engine';

/** Asks the engine to end a leg, remembering that the gateway did. */
export async function hangupLeg(ctx: CoreContext, uow: UnitOfWork, legId: string): Promise<void> {
  const leg = await uow.tx.calls.getLeg(legId);
  if (!leg || !isLive(leg)) return;
  await uow.tx.calls.updateLeg({ ...leg, hangupRequested: true });
  await pbxBestEffort(ctx, 'hang up leg', () => ctx.pbx.hangup(legId));
}

import { isLive } from '../model/call';
import type { CoreContext, UnitOfWork } from './core-context';
import { pbxBestEffort } from './pbx-commands';

/** Asks the engine to end a leg, remembering that the gateway did. */
export async function hangupLeg(ctx: CoreContext, uow: UnitOfWork, legId: string): Promise<void> {
  const leg = await uow.tx.calls.getLeg(legId);
  if (!leg || !isLive(leg)) return;
  await uow.tx.calls.updateLeg({ ...leg, hangupRequested: true });
  await pbxBestEffort(ctx, 'hang up leg', () => ctx.pbx.hangup(legId));
}

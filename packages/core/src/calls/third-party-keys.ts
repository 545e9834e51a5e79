import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { Leg } from './call';

/**
 * Sends a third party that answered the keys it was dialled with (a
 * transfer preset's DTMF: an IVR's choice, a conference PIN), after it has
 * joined the call, so that the others hear them too, as they would on the
 * agent's 3-way line. Best effort: a third party gone meanwhile hears nothing.
 */
export function sendThirdPartyKeys(ctx: CoreContext, uow: UnitOfWork, progress: { thirdPartyLegId?: string | null; thirdPartyDtmf?: string | null }, leg: Leg): void {
  const keys = progress.thirdPartyLegId === leg.id ? (progress.thirdPartyDtmf ?? '') : '';
  if (keys !== '') uow.engine.bestEffort('send third party keys', () => ctx.pbx.sendDtmf(leg.id, keys));
}

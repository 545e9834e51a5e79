import { DomainError } from '../errors/domain-error';
import type { Leg } from '../calls/call';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { extensionCallConnected, extensionLegOf, withTransferProgress, type ExtensionCall } from './extension-call';

/**
 * The extension leaves a call it talks in (a click-to-call, a voice menu it
 * answered) so that its party goes on without it: its leg is hung up (the
 * engine's end of it, the next event, then ends nothing) while the party
 * stays in the call's own bridge. Refused (NO_ACTIVE_CALL) for a call not
 * yet talking or one the extension already left: there is nobody to hand on.
 */
export async function extensionLeavesCall<C extends ExtensionCall>(ctx: CoreContext, uow: UnitOfWork, call: C, legs: readonly Leg[]): Promise<C> {
  const own = extensionLegOf(call, legs);
  if (!own || !extensionCallConnected(call)) throw new DomainError('NO_ACTIVE_CALL', `call ${call.id} has no extension talking with its party`);
  await hangupLeg(ctx, uow, own.id);
  const left = withTransferProgress(call, { extensionLeft: true });
  await uow.tx.calls.update(left);
  return left;
}

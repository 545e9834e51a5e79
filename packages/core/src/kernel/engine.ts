import { DomainError } from '../errors/domain-error';
import { PbxFailure } from '../ports/pbx';
import type { CoreContext } from './context';

/**
 * Runs a PBX command and turns its failure into the domain's words: the
 * engine being away becomes PBX_UNAVAILABLE, any refusal PBX_REJECTED.
 */
export async function pbxCommand<T>(ctx: CoreContext, what: string, command: () => Promise<T>): Promise<T> {
  if (!ctx.pbx.isAvailable()) throw new DomainError('PBX_UNAVAILABLE', `telephony engine unavailable (${what})`);
  try {
    return await command();
  } catch (error) {
    throw toDomainError(error, what);
  }
}

/**
 * Puts a leg that just answered into a bridge. A channel that hangs up in the
 * instant it answers (or around whom the bridge went) is gone before it can be
 * bridged, and the engine refuses: that is an ordinary end of a call, not a
 * failure of the gateway. Answers false then, for the flow to let the call go
 * the way any hang-up does; an engine that is away still fails the command.
 */
export async function bridgeUnlessGone(ctx: CoreContext, what: string, bridgeId: string, legId: string): Promise<boolean> {
  try {
    await pbxCommand(ctx, what, () => ctx.pbx.addToBridge(bridgeId, [legId]));
    return true;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'PBX_REJECTED') throw error;
    ctx.logger.warn('a leg could not be bridged; its call is let go', { what, bridgeId, legId, error: error.message });
    return false;
  }
}

/** Like `pbxCommand`, for clean-up whose failure must not undo the rest: it is logged instead. */
export async function pbxBestEffort(ctx: CoreContext, what: string, command: () => Promise<unknown>): Promise<void> {
  if (!ctx.pbx.isAvailable()) {
    ctx.logger.warn('telephony engine unavailable; clean-up left to reconciliation', { what });
    return;
  }
  try {
    await command();
  } catch (error) {
    ctx.logger.warn('telephony clean-up failed', { what, error: error instanceof Error ? error.message : String(error) });
  }
}

function toDomainError(error: unknown, what: string): Error {
  if (error instanceof DomainError) return error;
  if (error instanceof PbxFailure) {
    if (error.kind === 'unavailable') return new DomainError('PBX_UNAVAILABLE', `${what}: ${error.message}`);
    return new DomainError('PBX_REJECTED', `${what}: ${error.message}`, { pbxFailure: error.kind, status: error.status });
  }
  return error instanceof Error ? error : new Error(String(error));
}

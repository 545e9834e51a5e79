import { DomainError } from '../errors/domain-error';
import { PbxFailure } from '../ports/pbx';
import type { CoreContext } from './context';

/**
 * Runs a PBX command and turns its failure into the domain's words: the
 * engine being away becomes PBX_UNAVAILABLE, any refusal PBX_REJECTED. For
 * work outside a unit of work; inside one, commands go through `uow.engine`.
 */
export async function pbxCommand<T>(ctx: CoreContext, what: string, command: () => Promise<T>): Promise<T> {
  requireEngine(ctx, what);
  try {
    return await command();
  } catch (error) {
    throw toDomainError(error, what);
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

/** A command that needs the engine is refused at once while the engine is away. */
export function requireEngine(ctx: CoreContext, what: string): void {
  if (!ctx.pbx.isAvailable()) throw new DomainError('PBX_UNAVAILABLE', `telephony engine unavailable (${what})`);
}

/**
 * The port's failure in the domain's words; no port error type leaves the
 * core. Anything else (a bug, a store failure) passes unchanged.
 */
export function toDomainError(error: unknown, what: string): Error {
  if (error instanceof DomainError) return error;
  if (error instanceof PbxFailure) {
    if (error.kind === 'unavailable') return new DomainError('PBX_UNAVAILABLE', `${what}: ${error.message}`);
    return new DomainError('PBX_REJECTED', `${what}: ${error.message}`, { pbxFailure: error.kind, status: error.status });
  }
  return error instanceof Error ? error : new Error(String(error));
}

export const isRefusal = (error: Error): boolean => error instanceof DomainError && error.code === 'PBX_REJECTED';

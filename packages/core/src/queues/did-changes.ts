import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { Did, DidChanges, NewDid } from './did';

/** Adds a public number; null when the pattern is taken (nothing changes). */
export function addDid(ctx: CoreContext, did: NewDid): Promise<Did | null> {
  return inTransaction(ctx, async ({ tx }) => ((await tx.dids.get(did.pattern)) ? null : tx.dids.insert(did)));
}

/** Changes a public number's settings; null when there is no such number. */
export function updateDid(ctx: CoreContext, request: { pattern: string; changes: DidChanges }): Promise<Did | null> {
  return inTransaction(ctx, ({ tx }) => tx.dids.update(request.pattern, request.changes));
}

/** Removes a public number; its calls' log stays. Null when there was none. */
export function removeDid(ctx: CoreContext, pattern: string): Promise<Did | null> {
  return inTransaction(ctx, ({ tx }) => tx.dids.remove(pattern));
}

export interface DidCopyRequest {
  source: string;
  pattern: string;
  /** The copy's description; null keeps the source's. */
  description: string | null;
}

/** A new number with every setting of another; null when the source is gone or the new pattern is taken. */
export function copyDid(ctx: CoreContext, request: DidCopyRequest): Promise<Did | null> {
  return inTransaction(ctx, async ({ tx }) => {
    const source = await tx.dids.get(request.source);
    if (!source || (await tx.dids.get(request.pattern))) return null;
    const { id: _id, ...settings } = source;
    return tx.dids.insert({ ...settings, pattern: request.pattern, description: request.description ?? source.description });
  });
}

import type { CoreContext } from '../../kernel/context';
import { inTransaction } from '../../kernel/unit-of-work';
import type { Phone } from './phone';
import { syncPhoneDevice } from './phone-device';

/**
 * Removes a phone; null when there is none. Its device leaves the engine
 * before the call returns; when the engine refuses, the phone stays.
 */
export async function removePhone(ctx: CoreContext, request: { extension: string; serverIp: string }): Promise<Phone | null> {
  return inTransaction(ctx, async (uow) => {
    const before = await uow.tx.phones.get(request.extension, request.serverIp);
    if (!before) return null;
    await uow.tx.phones.remove(before.extension, before.serverIp);
    syncPhoneDevice(ctx, uow, { before, after: null, undo: (later) => later.tx.phones.upsert(before) });
    return before;
  });
}

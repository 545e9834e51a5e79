import type { CoreContext } from '../../kernel/context';
import { inTransaction } from '../../kernel/unit-of-work';
import type { Phone, PhoneChanges } from './phone';
import { credentialOf, syncPhoneDevice } from './phone-device';

export type UpdatePhoneOutcome = { outcome: 'updated'; phone: Phone } | { outcome: 'not_found' } | { outcome: 'login_taken' };

/**
 * Changes a phone; a login another phone signs in with is refused. The
 * engine follows before the call returns: the device changes, appears (the
 * phone became an active SIP phone with a password) or goes; when the engine
 * refuses, the phone is put back as it was.
 */
export async function updatePhone(ctx: CoreContext, request: { extension: string; serverIp: string; changes: PhoneChanges }): Promise<UpdatePhoneOutcome> {
  const { extension, serverIp, changes } = request;
  const { pass, registrationPassword, attributes, ...plain } = changes;
  const passHash = pass === undefined ? undefined : await ctx.hasher.hash(pass);
  const credential = registrationPassword === undefined ? undefined : credentialOf(ctx, extension, registrationPassword);
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    const before = await tx.phones.get(extension, serverIp);
    if (!before) return { outcome: 'not_found' as const };
    if (plain.login !== undefined) {
      const others = (await tx.phones.findByLogin(plain.login)).filter((phone) => phone.extension !== extension || phone.serverIp !== serverIp);
      if (others.length > 0) return { outcome: 'login_taken' as const };
    }
    const after: Phone = {
      ...before,
      ...plain,
      ...(passHash === undefined ? {} : { passHash }),
      ...(credential === undefined ? {} : { registrationCredential: credential }),
      attributes: { ...before.attributes, ...attributes },
    };
    await tx.phones.upsert(after);
    syncPhoneDevice(ctx, uow, { before, after, undo: (later) => later.tx.phones.upsert(before) });
    return { outcome: 'updated' as const, phone: after };
  });
}

import type { CoreContext } from '../../kernel/context';
import { inTransaction, type UnitOfWork } from '../../kernel/unit-of-work';
import type { NewPhone, Phone } from './phone';
import { credentialOf, syncPhoneDevice } from './phone-device';

export type AddPhoneOutcome =
  | { outcome: 'added'; phone: Phone }
  | { outcome: 'no_such_server' }
  | { outcome: 'extension_taken' }
  | { outcome: 'login_taken' };

/**
 * Adds a phone on one of the gateway's servers; an extension already there
 * or a login any phone signs in with is refused and nothing changes. A SIP
 * phone becomes a device of the engine before the call returns: when the
 * engine refuses, the phone is taken out again.
 */
export async function addPhone(ctx: CoreContext, request: NewPhone): Promise<AddPhoneOutcome> {
  if (request.serverIp !== ctx.config.serverIp) return { outcome: 'no_such_server' };
  const { pass, registrationPassword, ...settings } = request;
  const phone: Phone = {
    ...settings,
    passHash: await ctx.hasher.hash(pass),
    registrationCredential: credentialOf(ctx, request.extension, registrationPassword),
  };
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    if (await tx.phones.get(phone.extension, phone.serverIp)) return { outcome: 'extension_taken' as const };
    if ((await tx.phones.findByLogin(phone.login)).length > 0) return { outcome: 'login_taken' as const };
    await tx.phones.upsert(phone);
    const undo = async (later: UnitOfWork): Promise<void> => {
      await later.tx.phones.remove(phone.extension, phone.serverIp);
      // The engine may have made part of the device before it refused.
      later.engine.bestEffort(`remove device ${phone.extension}`, () => ctx.pbx.removeDevice(phone.extension));
    };
    syncPhoneDevice(ctx, uow, { before: null, after: phone, undo });
    return { outcome: 'added' as const, phone };
  });
}

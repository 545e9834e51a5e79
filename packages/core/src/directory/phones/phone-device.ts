import type { CoreContext } from '../../kernel/context';
import type { UnitOfWork } from '../../kernel/unit-of-work';
import type { PbxDevice } from '../../ports/pbx';
import { isEngineDevice, type Phone } from './phone';

/** The device a phone is on the engine: named by its extension, which is also the user name it registers with. */
export const phoneDevice = (phone: Phone): PbxDevice => ({ resource: phone.extension, username: phone.extension, credential: phone.registrationCredential });

/** The credential of a registration password: none for an empty one. */
export const credentialOf = (ctx: CoreContext, extension: string, password: string): string =>
  password === '' ? '' : ctx.pbx.deviceCredential(extension, password);

/**
 * Brings the engine in step with a phone that changed from `before` to
 * `after` (null: absent), once the change is committed. When the engine
 * refuses or is away, `undo` puts the previous row back, so the phone stays
 * what the engine has; the refusal then reaches the caller.
 */
export function syncPhoneDevice(ctx: CoreContext, uow: UnitOfWork, change: { before: Phone | null; after: Phone | null; undo: (uow: UnitOfWork) => Promise<void> }): void {
  const { before, after, undo } = change;
  if (after && isEngineDevice(after)) {
    uow.engine.command(`put device ${after.extension}`, () => ctx.pbx.putDevice(phoneDevice(after)), { onFailure: undo });
  } else if (before && isEngineDevice(before)) {
    uow.engine.command(`remove device ${before.extension}`, () => ctx.pbx.removeDevice(before.extension), { onFailure: undo });
  }
}

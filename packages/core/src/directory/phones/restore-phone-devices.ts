import type { CoreContext } from '../../kernel/context';
import { pbxBestEffort } from '../../kernel/engine';
import { isEngineDevice } from './phone';
import { phoneDevice } from './phone-device';

/**
 * Puts every phone that must be a device on the engine: the engine keeps
 * the devices the gateway creates only until it restarts, and provisioned
 * phones were never put. Run after every (re)connection; a phone the engine
 * refuses is logged and left for the next one.
 */
export async function restorePhoneDevices(ctx: CoreContext): Promise<number> {
  const phones = (await ctx.store.direct.phones.list()).filter((phone) => phone.serverIp === ctx.config.serverIp && isEngineDevice(phone));
  for (const phone of phones) await pbxBestEffort(ctx, `put device ${phone.extension}`, () => ctx.pbx.putDevice(phoneDevice(phone)));
  return phones.length;
}

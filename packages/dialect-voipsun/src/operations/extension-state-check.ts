import { isDomainError, type CallControl, type DomainErrorCode, type Extension, type ExtensionSelector, type Leg, type PbxEndpoint } from '@pbx-gateway/core';
import { VoipsunWireError, type Errno } from '../errors';

/**
 * originate's `checkExten`: is the extension registered, and is it idle?
 * The engine says whether the device is reachable and which channels it has;
 * the gateway's own live legs say what state those channels are in.
 *
 * Returns normally when the call may go ahead; throws the documented errno
 * otherwise. An extension the selector does not name exactly once is not
 * checked here: placing the call then reports 201/202/203 as the core finds.
 */
export async function checkExtensionIdle(core: CallControl, selector: ExtensionSelector, dialplan: string | null, reportIdle: boolean): Promise<void> {
  if (!core.pbxAvailable()) throw new VoipsunWireError('900');
  const extension = await namedExtension(core, selector, dialplan);
  if (!extension) return;
  const device = (await engineEndpoints(core)).find((endpoint) => endpoint.endpoint === extension.endpoint);
  if (!device || !device.online) throw new VoipsunWireError('220');
  if (device.channelIds.length > 0) throw new VoipsunWireError(await busyErrno(core, device.channelIds));
  if (reportIdle) throw new VoipsunWireError('228');
}

/**
 * The Asterisk channel state of the device's busiest channel, as errno:
 * Up 226, Ringing (our call to the phone rings it) 225, Down while the
 * gateway sets a call up ("reserved") 221. A channel the gateway did not
 * create has a state the gateway does not know: the line is busy, 227.
 */
async function busyErrno(core: CallControl, channelIds: readonly string[]): Promise<Errno> {
  const ours = new Map<string, Leg>();
  for (const { legs } of await core.listLiveCalls()) for (const leg of legs) ours.set(leg.id, leg);
  const states = channelIds.map((id) => ours.get(id)?.state ?? 'foreign');
  if (states.includes('up')) return '226';
  if (states.includes('foreign')) return '227';
  if (states.includes('ringing')) return '225';
  return '221';
}

const LOOKUP_REFUSALS: ReadonlySet<DomainErrorCode> = new Set(['EXTENSION_NOT_FOUND', 'EXTENSION_AMBIGUOUS', 'DIALPLAN_NOT_FOUND']);

/** The extension by the core's own lookup; null when the core would refuse the call for it. */
export async function namedExtension(core: CallControl, selector: ExtensionSelector, dialplan: string | null): Promise<Extension | null> {
  try {
    return await core.findExtension(selector, dialplan);
  } catch (error) {
    if (isDomainError(error) && LOOKUP_REFUSALS.has(error.code)) return null;
    throw error;
  }
}

/**
 * The engine's devices. Its failure is worded here, whichever action asked:
 * away 900, refusing 901 (originate words a refused call 220, not a refused
 * device listing).
 */
async function engineEndpoints(core: CallControl): Promise<PbxEndpoint[]> {
  try {
    return await core.pbxEndpoints();
  } catch (error) {
    if (isDomainError(error) && error.code === 'PBX_UNAVAILABLE') throw new VoipsunWireError('900');
    if (isDomainError(error) && error.code === 'PBX_REJECTED') throw new VoipsunWireError('901');
    throw error;
  }
}

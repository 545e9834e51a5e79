import { isDomainError, type CallControl, type Leg, type PbxEndpoint } from '@pbx-gateway/core';
import { VoipsunWireError, type Errno } from '../errors';

/**
 * The state of an agent's line, as Asterisk's device states name them and
 * VoIPSUN words them: `agentstatus` (`Line is …`, or errnos 630–636) and
 * `queuestatus` (`channelStatus`, and the member's numeric `status`).
 */
export type LineState = 'free' | 'in_use' | 'busy' | 'unavailable' | 'ringing' | 'on_hold' | 'not_free' | 'unreachable';

interface LineWording {
  /** The end of `Agent 1000 is logged in. Line is …` and of `channelStatus`. */
  text: string;
  /** agentstatus's error for the state, with `agentstatusLineErrors`; null for a free line. */
  errno: Errno | null;
  /** Asterisk's device state number (AST_DEVICE_*), queuestatus's member `status`. */
  deviceState: number;
}

export const LINE_WORDING: Readonly<Record<LineState, LineWording>> = {
  free: { text: 'Line is free', errno: null, deviceState: 1 },
  in_use: { text: 'Line is In use', errno: '632', deviceState: 2 },
  busy: { text: 'Line is busy', errno: '636', deviceState: 3 },
  unavailable: { text: 'Line is unavailable', errno: '631', deviceState: 5 },
  ringing: { text: 'Line is ringing', errno: '633', deviceState: 6 },
  on_hold: { text: 'Line is On hold', errno: '634', deviceState: 8 },
  not_free: { text: 'Line is not free', errno: '635', deviceState: 7 },
  // The document has no success text for a device the engine does not know: it is unavailable to a caller.
  unreachable: { text: 'Line is unavailable', errno: '630', deviceState: 4 },
};

/** What the engine and the gateway know of the devices, read once for every line asked about. */
export interface LineView {
  stateOf(device: string): LineState;
}

/**
 * Reads the engine's devices and the gateway's live legs. A device the
 * engine does not list is unreachable, one not registered unavailable. Its
 * channels' states come from the gateway's own legs (the engine names the
 * channels, the gateway knows their states): one up is in use, one ringing
 * rings, one still being set up is not free, and a channel the gateway did
 * not create is a call it knows nothing of: busy. On hold never shows: the
 * gateway puts no agent's line on hold.
 */
export async function readLines(core: CallControl): Promise<LineView> {
  const endpoints = await engineEndpoints(core);
  const legs = new Map<string, Leg>();
  for (const { legs: callLegs } of await core.listLiveCalls()) for (const leg of callLegs) legs.set(leg.id, leg);
  const byDevice = new Map(endpoints.map((endpoint) => [endpoint.endpoint, endpoint]));
  return {
    stateOf(device) {
      const endpoint = byDevice.get(device);
      if (!endpoint) return 'unreachable';
      if (!endpoint.online) return 'unavailable';
      const states = endpoint.channelIds.map((id) => legs.get(id)?.state ?? 'foreign');
      if (states.length === 0) return 'free';
      if (states.includes('up')) return 'in_use';
      if (states.includes('foreign')) return 'busy';
      if (states.includes('ringing')) return 'ringing';
      return 'not_free';
    },
  };
}

/** The engine's devices; it being away is 900, refusing 901. */
async function engineEndpoints(core: CallControl): Promise<PbxEndpoint[]> {
  if (!core.pbxAvailable()) throw new VoipsunWireError('900');
  try {
    return await core.pbxEndpoints();
  } catch (error) {
    if (isDomainError(error, 'PBX_UNAVAILABLE')) throw new VoipsunWireError('900');
    if (isDomainError(error, 'PBX_REJECTED')) throw new VoipsunWireError('901');
    throw error;
  }
}

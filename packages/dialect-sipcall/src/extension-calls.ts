import type { Call, CallControl, Extension, Leg } from '@pbx-gateway/core';
import { seatAgentId } from './seats';

export type LiveCalls = Awaited<ReturnType<CallControl['listLiveCalls']>>;

/** A live call an extension is in, with the legs that are the extension's side of it. */
export interface ExtensionCall {
  call: Call;
  /** The extension's own live legs; for a DoubleCall of the extension (its phone not in it), the staff mobile's. */
  legs: Leg[];
  /** A call the extension placed from another phone: hanging it up ends every leg. */
  placedElsewhere: boolean;
  /** Every live leg of the call. */
  alive: Leg[];
}

/**
 * The live calls of an extension, from the core's live calls: those with a
 * leg of its phone (a MakeCall, a PlayVoice transfer, a queue call offered
 * to its seat), and the two-way calls it placed through another phone
 * (DoubleCall), where it has none.
 */
export function callsOfExtension(extension: Extension, live: LiveCalls): ExtensionCall[] {
  const calls: ExtensionCall[] = [];
  for (const { call, legs } of live) {
    const alive = legs.filter((leg) => leg.state !== 'ended');
    const own = alive.filter((leg) => ringsPhoneOf(leg, extension));
    if (own.length > 0) {
      calls.push({ call, legs: own, placedElsewhere: false, alive });
      continue;
    }
    // A two-way call the extension transferred is no longer its own.
    if (call.purpose === 'click_to_call' && call.extension === extension.internalNumber && call.progress.extensionLeft !== true) {
      calls.push({ call, legs: alive.filter((leg) => leg.role === 'source'), placedElsewhere: true, alive });
    }
  }
  return calls;
}

/** A leg dialled to the extension: accounted to it, or (a seat agent's phone) dialled to its endpoint. */
function ringsPhoneOf(leg: Leg, extension: Extension): boolean {
  if (leg.account?.kind === 'extension') return leg.account.id === extension.id;
  return leg.account === null && leg.endpoint.toLowerCase() === extension.endpoint.toLowerCase();
}

/**
 * Ends the calls of an extension: its own phone's legs are hung up (the
 * call's flow then releases the other side, as when the phone hangs up); a
 * call it placed from another phone has every leg hung up. False when it
 * was in no call.
 */
export async function hangUpCallsOf(core: CallControl, extension: Extension): Promise<boolean> {
  const channels: string[] = [];
  for (const { legs, placedElsewhere, alive } of callsOfExtension(extension, await core.listLiveCalls())) {
    for (const leg of placedElsewhere ? alive : legs) if (leg.channelName !== null) channels.push(leg.channelName);
  }
  let hungUp = false;
  for (const channelName of channels) hungUp = (await core.hangupChannel({ channelName })).found || hungUp;
  return hungUp;
}

/**
 * The call of the extension's whose other party it can hand on (TransferCall):
 * one it placed or answered itself and still talks in (a MakeCall, a
 * DoubleCall, a voice menu it answered), or one its seat agent talks in (a
 * queue call it answered, a call placed for it). A call it was handed by
 * another extension is that extension's; none: null.
 */
export function transferableCallOf(extension: Extension, calls: readonly ExtensionCall[]): Call | null {
  const own = ({ call }: ExtensionCall): boolean => {
    if (call.purpose === 'agent_customer' || call.purpose === 'inbound') return call.agentId === seatAgentId(extension);
    if (call.purpose === 'click_to_call' || call.purpose === 'voice_menu') return call.extension === extension.internalNumber && call.progress.extensionLeft !== true;
    return false;
  };
  return calls.find(own)?.call ?? null;
}

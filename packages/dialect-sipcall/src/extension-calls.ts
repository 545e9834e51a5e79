import type { Call, CallControl, Extension, Leg } from '@pbx-gateway/core';

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
    if (call.purpose === 'click_to_call' && call.extension === extension.internalNumber) {
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

import type { CallOf, Leg } from '../calls/call';
import type { ExtensionTransferProgress } from '../calls/call-progress';
import type { CustomerCall } from './agent-call';

/**
 * A call an extension talks in without an agent session: a click-to-call
 * (its phone, or a two-way call's staff mobile, with the customer) or a
 * voice menu its member answered. Transfers hand its party on as an agent's.
 */
export type ExtensionCall = CallOf<'click_to_call'> | CallOf<'voice_menu'>;

/** A call whose party a transfer can hand on: an agent's customer call, or an extension's call. */
export type TransferableCall = CustomerCall | ExtensionCall;

export const isExtensionCall = (call: TransferableCall): call is ExtensionCall => call.purpose === 'click_to_call' || call.purpose === 'voice_menu';

/** The extension call with its transfer progress changed. */
export const withTransferProgress = <C extends ExtensionCall>(call: C, change: ExtensionTransferProgress): C => ({ ...call, progress: { ...call.progress, ...change } });

/** The role of the extension call's party that stays on a transfer: a click-to-call's destination, a voice menu's customer. */
export const extensionPartyRoleOf = (call: ExtensionCall): Leg['role'] => (call.purpose === 'click_to_call' ? 'destination' : 'customer');

/**
 * The extension's leg of its call, while it is there: a click-to-call's
 * source, the member that answered a voice menu. Null once it has left.
 */
export function extensionLegOf(call: ExtensionCall, legs: readonly Leg[]): Leg | null {
  if (call.progress.extensionLeft) return null;
  const own = (leg: Leg): boolean => (call.purpose === 'click_to_call' ? leg.role === 'source' : leg.id === call.progress.answeredBy);
  return legs.find((leg) => own(leg) && leg.state !== 'ended') ?? null;
}

/** Whether an extension call is talking: both sides answered and bridged (a click-to-call connected, a voice menu's member answered). */
export const extensionCallConnected = (call: ExtensionCall): boolean => call.progress.stage === 'connected';

/**
 * Whether a leg of an extension call is one the call no longer depends on:
 * once the extension left, the party and the third party are the call, and
 * the extension's leg (hung up by the transfer) or a member that lost the
 * race ends without ending it.
 */
export function isLeftBehind(call: ExtensionCall, leg: Leg): boolean {
  return call.progress.extensionLeft === true && leg.role !== 'third_party' && leg.role !== extensionPartyRoleOf(call);
}

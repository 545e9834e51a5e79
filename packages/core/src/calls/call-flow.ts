import type { CallOf, CallPurpose, Leg } from './call';
import type { Playback } from '../playback/playback';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';

/**
 * How one purpose of call progresses. The event handler does the common
 * bookkeeping (leg states, call end, CDR) and asks the flow what to do next;
 * each flow lives in its own file and sees its own purpose's progress.
 * (Methods, not function properties: a flow of one purpose then also serves
 * where any call's flow is expected, as the dispatchers look it up by the
 * call's own purpose.)
 */
export interface CallFlow<P extends CallPurpose = CallPurpose> {
  onLegRinging?(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, leg: Leg): Promise<void>;
  onLegAnswered(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, leg: Leg): Promise<CallOf<P>>;
  /** Called after the ended leg is recorded; returns the call, possibly changed. */
  onLegEnded(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, leg: Leg, legs: readonly Leg[]): Promise<CallOf<P>>;
  onLegDtmf?(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, leg: Leg, digit: string): Promise<CallOf<P>>;
  /** Media of this call ended by itself (`done`) or could not play (`failed`). */
  onPlaybackEnded?(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, playback: Playback, outcome: 'done' | 'failed'): Promise<CallOf<P>>;
  /** A timer the flow set has fired. */
  onTimer?(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>, timer: string): Promise<CallOf<P>>;
  /** Runs once when the call has ended and its CDR is written. */
  onCallEnded?(ctx: CoreContext, uow: UnitOfWork, call: CallOf<P>): Promise<void>;
}

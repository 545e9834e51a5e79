import type { Call, Leg } from './call';
import type { Playback } from '../playback/playback';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';

/**
 * How one purpose of call progresses. The event handler does the common
 * bookkeeping (leg states, call end, CDR) and asks the flow what to do next;
 * each flow lives in its own file.
 */
export interface CallFlow {
  onLegRinging?(ctx: CoreContext, uow: UnitOfWork, call: Call, leg: Leg): Promise<void>;
  onLegAnswered(ctx: CoreContext, uow: UnitOfWork, call: Call, leg: Leg): Promise<Call>;
  /** Called after the ended leg is recorded; returns the call, possibly changed. */
  onLegEnded(ctx: CoreContext, uow: UnitOfWork, call: Call, leg: Leg, legs: readonly Leg[]): Promise<Call>;
  onLegDtmf?(ctx: CoreContext, uow: UnitOfWork, call: Call, leg: Leg, digit: string): Promise<Call>;
  /** Media of this call ended by itself (`done`) or could not play (`failed`). */
  onPlaybackEnded?(ctx: CoreContext, uow: UnitOfWork, call: Call, playback: Playback, outcome: 'done' | 'failed'): Promise<Call>;
  /** A timer the flow set has fired. */
  onTimer?(ctx: CoreContext, uow: UnitOfWork, call: Call, timer: string): Promise<Call>;
  /** Runs once when the call has ended and its CDR is written. */
  onCallEnded?(ctx: CoreContext, uow: UnitOfWork, call: Call): Promise<void>;
}

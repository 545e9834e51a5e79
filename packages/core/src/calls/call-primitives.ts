import type { CoreContext } from '../kernel/context';
import type { FollowUp, UnitOfWork } from '../kernel/unit-of-work';
import type { PlaybackTarget, SnoopDirection } from '../ports/pbx';
import type { Call, Leg } from './call';
import type { CallFlow } from './call-flow';
import { recordLegEnded } from './call-lifecycle';

/**
 * The engine work calls are made of, each written once: dial a leg, bridge a
 * leg, play into a leg or bridge. Each is decided inside a unit of work and
 * sent after it commits (kernel/unit-of-work); what the engine answers is
 * recorded in the next unit of work.
 */

export interface DialOptions {
  timeoutSec: number;
  /** The flow of the leg's call: a leg that is never dialled ends through it, like any leg. */
  flow: CallFlow;
  /** `reported`: a refusal also fails the command that dialled (the client hears it); `ordinary`: it only ends the leg. */
  refusal: 'reported' | 'ordinary';
  what?: string;
  /** Channel variables the leg is dialled with (a Local channel's dialplan half inherits them). */
  variables?: Readonly<Record<string, string>>;
}

/**
 * Rings the endpoint of a leg just recorded. The engine's name for its
 * channel is recorded once the engine gives it; a leg the engine refuses (or
 * that was never sent because an earlier command failed) ends as the gateway
 * giving up on it, so its call gets its end and its CDR.
 */
export function dialLeg(ctx: CoreContext, uow: UnitOfWork, leg: Leg, options: DialOptions): void {
  const callerId = leg.callerName ? { number: leg.callerNumber, name: leg.callerName } : { number: leg.callerNumber };
  uow.engine.command(
    options.what ?? 'dial leg',
    async () => {
      const originated = await ctx.pbx.originate({ legId: leg.id, endpoint: leg.endpoint, callerId, timeoutSec: options.timeoutSec, ...(options.variables ? { variables: options.variables } : {}) });
      return (next) => recordChannel(next, leg.id, originated.channelName, originated.context);
    },
    { onFailure: (next) => endLegNeverDialled(ctx, next, leg.id, options.flow), refusalIsOrdinary: options.refusal === 'ordinary' },
  );
}

export interface SnoopOptions {
  /** The leg whose channel the snoop leg hears and speaks into. */
  targetLegId: string;
  spy: SnoopDirection;
  whisper: SnoopDirection;
  flow: CallFlow;
}

/**
 * Starts a snoop leg just recorded on another leg's channel. Like a dialled
 * leg, a snoop the engine refuses (its target gone) ends as the gateway giving
 * up on it, through its call's flow.
 */
export function snoopLeg(ctx: CoreContext, uow: UnitOfWork, leg: Leg, options: SnoopOptions): void {
  uow.engine.command(
    'snoop',
    async () => {
      const snooping = await ctx.pbx.snoop({ legId: leg.id, targetLegId: options.targetLegId, spy: options.spy, whisper: options.whisper });
      return (next) => recordChannel(next, leg.id, snooping.channelName, snooping.context);
    },
    { onFailure: (next) => endLegNeverDialled(ctx, next, leg.id, options.flow), refusalIsOrdinary: true },
  );
}

/** Records the engine's name of a leg's channel, unless something already did (an event, reconciliation). */
export async function recordChannel(uow: UnitOfWork, legId: string, channelName: string, context: string): Promise<void> {
  const leg = await uow.tx.calls.getLeg(legId);
  if (!leg || leg.channelName !== null) return;
  await uow.tx.calls.updateLeg({ ...leg, channelName, context });
}

/** A leg the engine never got (refused, or not sent): the gateway gave up on it, with cause 0. */
async function endLegNeverDialled(ctx: CoreContext, uow: UnitOfWork, legId: string, flow: CallFlow): Promise<void> {
  const leg = await uow.tx.calls.getLeg(legId);
  if (!leg || leg.state === 'ended') return;
  const call = await uow.tx.calls.lock(leg.callId);
  if (!call || call.state === 'ended') return;
  await endLeg(ctx, uow, call, { ...leg, hangupRequested: true }, 0, 'Unknown', flow);
}

/** Records a leg's end and lets its call's flow go on from there. */
export async function endLeg(ctx: CoreContext, uow: UnitOfWork, call: Call, leg: Leg, cause: number, causeText: string, flow: CallFlow): Promise<void> {
  const recorded = await recordLegEnded(uow, call, leg, cause, causeText);
  await flow.onLegEnded(ctx, uow, recorded.call, recorded.leg, await uow.tx.calls.legsOf(call.id));
}

/**
 * Rings several legs just recorded all at once: one engine round trip, not
 * one per leg. Their channel names are recorded once the engine gives them;
 * `refused` records, in the same unit of work, the legs the engine would not
 * ring (or that were never sent, the engine being away), with its reason.
 */
export function ringTogether(
  ctx: CoreContext,
  uow: UnitOfWork,
  legs: readonly Leg[],
  options: { what: string; timeoutSec: number; refused: (uow: UnitOfWork, legs: readonly Leg[]) => Promise<void> },
): void {
  const { timeoutSec, refused } = options;
  uow.engine.command(
    options.what,
    async () => {
      const outcomes = await Promise.allSettled(
        legs.map((leg) => ctx.pbx.originate({ legId: leg.id, endpoint: leg.endpoint, callerId: { number: leg.callerNumber }, timeoutSec })),
      );
      return async (next: UnitOfWork) => {
        const notRung: Leg[] = [];
        for (const [index, outcome] of outcomes.entries()) {
          const leg = legs[index]!;
          if (outcome.status === 'fulfilled') {
            await recordChannel(next, leg.id, outcome.value.channelName, outcome.value.context);
          } else {
            ctx.logger.warn('the engine would not ring a leg', { what: options.what, legId: leg.id, endpoint: leg.endpoint, error: String(outcome.reason) });
            notRung.push(leg);
          }
        }
        if (notRung.length > 0) await refused(next, notRung);
      };
    },
    { onFailure: (next) => refused(next, legs) },
  );
}

export interface BridgeOptions {
  what?: string;
  /** False for a bridge this call created already (spares a round trip). */
  create?: boolean;
  /** Records a leg gone before it could be bridged, an ordinary end of a call; without it, a refusal is a failure. */
  whenGone?: FollowUp;
  /** What follows once the leg is in the bridge, in a unit of work of its own. */
  then?: FollowUp;
}

/** Puts a leg into a mixing bridge, creating the bridge if it does not exist yet. */
export function bridgeLeg(ctx: CoreContext, uow: UnitOfWork, bridgeId: string, legId: string, options: BridgeOptions = {}): void {
  if (options.create !== false) uow.engine.command('create bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
  const then = options.then;
  uow.engine.command(
    options.what ?? 'bridge leg',
    async () => {
      await ctx.pbx.addToBridge(bridgeId, [legId]);
      return then;
    },
    options.whenGone ? { onFailure: options.whenGone, refusalIsOrdinary: true } : {},
  );
}

export interface PlayOptions {
  what?: string;
  offsetMs?: number;
  /** Records media that could not start (an ordinary outcome); without it, a refusal is a failure. */
  whenRefused?: FollowUp;
}

/** Starts media on a leg or into a bridge, under the playback id the core chose. */
export function playInto(ctx: CoreContext, uow: UnitOfWork, playbackId: string, target: PlaybackTarget, media: string, options: PlayOptions = {}): void {
  if (target.kind === 'bridge') {
    const bridgeId = target.bridgeId;
    uow.engine.command('ensure bridge', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
  }
  uow.engine.command(
    options.what ?? 'play',
    () => ctx.pbx.play({ playbackId, target, media, offsetMs: options.offsetMs || undefined }),
    options.whenRefused ? { onFailure: options.whenRefused, refusalIsOrdinary: true } : {},
  );
}

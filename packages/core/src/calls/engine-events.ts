import type { PbxEvent } from '../ports/pbx';
import { flowOf } from './call-flows';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { endLeg } from './call-primitives';
import { hangupOtherLegs } from './leg-hangup';
import { ownerOf } from '../kernel/owner-queue';
import { pbxBestEffort } from '../kernel/engine';
import { INBOUND_ENTRY, QUEUE_DIAL_ENTRY, receiveInboundCall, receiveQueueDial } from '../queues/inbound-arrival';
import { handleRecordingEvent } from '../recording/recording-events';

type LegEvent = Extract<PbxEvent, { type: 'leg_ringing' | 'leg_answered' | 'leg_ended' | 'leg_dtmf' }>;
type PlaybackEvent = Extract<PbxEvent, { type: 'playback_started' | 'playback_finished' }>;

/**
 * Entry point for everything the engine reports. Each event is handled in the
 * queue of the agent or call that owns its leg or playback, in one
 * transaction; a failure is logged and, for a call, leaves no leg hanging.
 */
export function handlePbxEvent(ctx: CoreContext, event: PbxEvent): Promise<void> {
  switch (event.type) {
    case 'leg_ringing':
    case 'leg_answered':
    case 'leg_ended':
    case 'leg_dtmf':
      return ctx.queue.run(ownerOf(event.legId), () => guarded(ctx, event, () => handleLegEvent(ctx, event)));
    case 'playback_started':
    case 'playback_finished':
      return ctx.queue.run(ownerOf(event.playbackId), () => guarded(ctx, event, () => handlePlaybackEvent(ctx, event)));
    case 'recording_started':
    case 'recording_finished':
    case 'recording_failed':
      return handleRecordingEvent(ctx, event, (work) => guarded(ctx, event, work));
    case 'leg_arrived':
      if (event.args[0] === INBOUND_ENTRY) {
        return ctx.queue.run(ownerOf(event.legId), () => guarded(ctx, event, () => receiveInboundCall(ctx, event)));
      }
      if (event.args[0] === QUEUE_DIAL_ENTRY) {
        return ctx.queue.run(ownerOf(event.legId), () => guarded(ctx, event, () => receiveQueueDial(ctx, event)));
      }
      // Other calls that reach the application by themselves have no route:
      // release them rather than leave a caller in silence.
      ctx.logger.warn('unrouted leg arrived; releasing it', { legId: event.legId, channelName: event.channelName });
      return pbxBestEffort(ctx, 'release unrouted leg', () => ctx.pbx.hangup(event.legId));
    case 'pbx_connected':
      return guarded(ctx, event, () => ctx.resync.reconcileNow());
    case 'pbx_disconnected':
      ctx.logger.warn('telephony engine disconnected');
      return Promise.resolve();
  }
}

/**
 * Ends a leg the engine no longer has (reconciliation), in its owner's queue.
 * `seenUnnamed`: the leg had no channel name when the engine's state was
 * read; if it has one now, it was dialled since (its command's engine step
 * had not run yet) and the engine may well have it: it is left alone.
 */
export function endLostLeg(ctx: CoreContext, legId: string, seenUnnamed: boolean, at: Date): Promise<void> {
  const event: LegEvent = { type: 'leg_ended', legId, cause: 0, causeText: 'Unknown', at, lost: true };
  return ctx.queue.run(ownerOf(legId), () =>
    guarded(ctx, event, async () => {
      const current = await ctx.store.direct.calls.getLeg(legId);
      if (!current || current.state === 'ended' || (seenUnnamed && current.channelName !== null)) return;
      await handleLegEvent(ctx, event);
    }),
  );
}

async function guarded(ctx: CoreContext, event: PbxEvent, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    ctx.logger.error('engine event handling failed', { event: event.type, error: error instanceof Error ? error.message : String(error) });
    if ('legId' in event) await releaseCallOfLeg(ctx, event.legId);
    // The event itself is gone for good: whatever it would have recorded
    // (a leg's end, a playback's) is found again in the engine's state.
    ctx.resync.request(`${event.type} not handled`);
  }
}

async function handleLegEvent(ctx: CoreContext, event: LegEvent): Promise<void> {
  const orphan = await inTransaction(ctx, async (uow) => {
    const leg = await uow.tx.calls.getLeg(event.legId);
    if (!leg || leg.state === 'ended') return event.type === 'leg_answered';
    const call = await uow.tx.calls.lock(leg.callId);
    if (!call || call.state === 'ended') return event.type === 'leg_answered';
    const flow = flowOf(call);
    switch (event.type) {
      case 'leg_ringing': {
        if (leg.state !== 'dialing') return false;
        const ringing = { ...leg, state: 'ringing' as const };
        await uow.tx.calls.updateLeg(ringing);
        uow.publish({ type: 'LegRinging', call, leg: ringing, at: uow.now });
        if (flow.onLegRinging) await flow.onLegRinging(ctx, uow, call, ringing);
        return false;
      }
      case 'leg_answered':
        if (leg.state === 'up') return false;
        await flow.onLegAnswered(ctx, uow, call, leg);
        return false;
      case 'leg_dtmf':
        if (flow.onLegDtmf) await flow.onLegDtmf(ctx, uow, call, leg, event.digit);
        return false;
      case 'leg_ended': {
        // A leg the engine lost was not hung up by its party: the call's
        // hang-up side and a phone's release are the gateway's. A party that
        // hung up before the gateway's own request reached the engine (the
        // gateway bridging a customer already gone, an agent's hang-up
        // crossing the customer's) ended the leg itself, whichever of the
        // two the gateway heard of first.
        const ending = event.lost ? { ...leg, hangupRequested: true } : event.byParty ? { ...leg, hangupRequested: false } : leg;
        await endLeg(ctx, uow, call, ending, event.cause, event.causeText, flow);
        return false;
      }
    }
    return false;
  });
  // A channel the gateway originated but has no live record of (its command
  // was rolled back after the engine created it, or it was given up on) must
  // not stay up in silence with no CDR: the engine hears it is not wanted.
  if (orphan) await pbxBestEffort(ctx, 'release orphaned leg', () => ctx.pbx.hangup(event.legId));
}

async function handlePlaybackEvent(ctx: CoreContext, event: PlaybackEvent): Promise<void> {
  await inTransaction(ctx, async (uow) => {
    const playback = await uow.tx.playbacks.get(event.playbackId);
    if (!playback) return;
    if (event.type === 'playback_started') {
      // Engines announce a start again after an unpause: only the first counts.
      if (playback.state !== 'pending') return;
      await uow.tx.playbacks.update({ ...playback, state: 'playing', startedAt: playback.startedAt ?? uow.now, resumedAt: uow.now });
      if (!playback.continues) {
        uow.publish({ type: 'PlaybackStarted', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, at: uow.now });
      }
      return;
    }
    if (playback.state === 'finished' || playback.state === 'finishing') return;
    const call = playback.callId ? await uow.tx.calls.lock(playback.callId) : null;
    const flow = call ? flowOf(call) : null;
    if (call && call.state !== 'ended' && flow?.onPlaybackEnded) {
      await flow.onPlaybackEnded(ctx, uow, call, playback, event.outcome);
      return;
    }
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: event.outcome, finishedAt: uow.now });
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, cause: event.outcome, at: uow.now });
  });
}

/** After a failed handling, make sure the call of that leg does not stay up half-managed. */
async function releaseCallOfLeg(ctx: CoreContext, legId: string): Promise<void> {
  try {
    await inTransaction(ctx, async (uow) => {
      const leg = await uow.tx.calls.getLeg(legId);
      // A channel that arrived by itself and could not be recorded must not wait in silence.
      if (!leg) return void uow.engine.bestEffort('release unrecorded leg', () => ctx.pbx.hangup(legId));
      await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(leg.callId), null);
    });
  } catch (error) {
    ctx.logger.error('could not release call after a failure', { legId, error: String(error) });
  }
}

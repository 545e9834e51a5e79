import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { pbxBestEffort } from '../kernel/engine';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';
import { recordChannel } from './call-primitives';
import { endLostLeg, handlePbxEvent } from './engine-events';
import { rearmQueueTimeout } from '../queues/queue-timeout';
import { armTimerAction } from '../agents/timer-action';
import { reconcileRecordings } from '../recording/recording-reconciliation';
import { restorePhoneDevices } from '../directory/phones/restore-phone-devices';

/**
 * The engine does not replay what happened while the gateway was not
 * listening. After every (re)connection: legs the engine no longer has are
 * ended as if it had said so, by the gateway, at the time it found out, with
 * cause 0 "Unknown" (their calls get their CDRs), playbacks and recordings
 * it no longer knows are finished, conferences are recreated, and voice menus
 * waiting for a key, callers waiting in a queue and agents' timer actions
 * get their timers back.
 *
 * It also settles what a crash left half done between a commit and the
 * engine (kernel/unit-of-work): a leg recorded but never dialled is absent
 * from the engine and ends like a lost one, with its CDR; a leg dialled whose
 * channel name was not recorded yet gets it from the engine's state; a leg
 * the gateway asked to end and the engine still has is asked again, and so
 * is a channel whose leg the gateway already ended. Phones' devices, which
 * the engine forgets when it restarts, are put again.
 */
export async function reconcileWithPbx(ctx: CoreContext): Promise<void> {
  // The gateway's live legs first, the engine's channels second: a leg the
  // engine had before the first read is in the second, so a leg is taken for
  // lost only if it was absent from the engine after the gateway saw it.
  // A leg dialled after the first read is told apart in its queue (endLostLeg).
  const live = await ctx.store.direct.calls.listLive();
  const snapshot = await ctx.pbx.snapshot();
  const present = new Map(snapshot.legs.map((leg) => [leg.legId, leg]));
  const at = ctx.clock.now();
  let endedLegs = 0;
  for (const { call, legs } of live) {
    for (const leg of legs) {
      if (leg.state === 'ended') continue;
      const engineLeg = present.get(leg.id);
      if (!engineLeg) {
        endedLegs += 1;
        await endLostLeg(ctx, leg.id, leg.channelName === null, at);
      } else {
        if (leg.channelName === null) {
          await ctx.queue.run(ownerOf(leg.id), () => inTransaction(ctx, (uow) => recordChannel(uow, leg.id, engineLeg.channelName, '')));
        }
        if (leg.hangupRequested) {
          // The gateway decided to end it, but the hang-up may never have
          // reached the engine (a crash after the commit): nothing else asks
          // again, since the leg already says it was asked for.
          await ctx.queue.run(ownerOf(leg.id), () => pbxBestEffort(ctx, 'hang up leg', () => ctx.pbx.hangup(leg.id)));
        }
      }
    }
    if ((call.purpose === 'voice_menu' || call.purpose === 'voice_broadcast') && call.progress.stage === 'awaiting_key') {
      ctx.callTimers.schedule(call.id, 'key_wait', ctx.config.voiceMenuKeyWaitMs);
    }
    if (call.purpose === 'voice_broadcast' && call.progress.stage === 'ending') ctx.callTimers.schedule(call.id, 'audio_end', 0);
    if (call.purpose === 'voice_broadcast' && call.progress.talkLimitSec !== null && call.answeredAt) {
      const left = call.answeredAt.getTime() + call.progress.talkLimitSec * 1000 - at.getTime();
      ctx.callTimers.schedule(call.id, 'talk_limit', Math.max(0, left));
    }
    if (call.purpose === 'inbound') await rearmQueueTimeout(ctx, call, at);
    if (call.purpose === 'agent_customer' && call.agentId !== null) {
      const session = await ctx.store.direct.sessions.get(call.agentId);
      if (session) armTimerAction(ctx, session, call, at);
    }
  }
  const liveLegIds = new Set(live.flatMap(({ legs }) => legs.filter((leg) => leg.state !== 'ended').map((leg) => leg.id)));
  for (const engineLeg of snapshot.legs) {
    if (!liveLegIds.has(engineLeg.legId)) await releaseEndedLeg(ctx, engineLeg.legId);
  }
  for (const playback of await ctx.store.direct.playbacks.listUnfinished()) {
    if (playback.state !== 'playing' && playback.state !== 'paused' && !(playback.state === 'pending' && playback.target)) continue;
    const state = await ctx.pbx.playbackState(playback.id);
    if (state === null || state === 'done' || state === 'failed') {
      await handlePbxEvent(ctx, { type: 'playback_finished', playbackId: playback.id, outcome: state === 'failed' ? 'failed' : 'done', at });
    }
  }
  await reconcileRecordings(ctx, at);
  for (const session of await ctx.store.direct.sessions.list()) {
    const conference = session.conference;
    if (!conference) continue;
    await ctx.queue.run(agentOwner(session.agentId), () =>
      pbxBestEffort(ctx, 'recreate conference', () => ctx.pbx.ensureBridge(conference.bridgeId, 'mixing')),
    );
  }
  const phoneDevices = await restorePhoneDevices(ctx);
  ctx.logger.info('reconciled with telephony engine', { liveCalls: live.length, endedLegs, phoneDevices });
}

/**
 * A channel the engine still has for a leg the gateway already ended (given
 * up on when its dial timed out, or found orphaned just before a crash): its
 * answer may have come while the gateway was away, so no event will ever
 * release it. A leg dialled since the gateway's live legs were read is not
 * ended, and is left alone.
 */
async function releaseEndedLeg(ctx: CoreContext, legId: string): Promise<void> {
  await ctx.queue.run(ownerOf(legId), async () => {
    const leg = await ctx.store.direct.calls.getLeg(legId);
    if (leg?.state === 'ended') await pbxBestEffort(ctx, 'release ended leg', () => ctx.pbx.hangup(legId));
  });
}

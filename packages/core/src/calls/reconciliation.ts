import type { CoreContext } from '../kernel/context';
import { agentOwner } from '../kernel/ids';
import { pbxBestEffort } from '../kernel/engine';
import { handlePbxEvent } from './engine-events';

/**
 * The engine does not replay what happened while the gateway was not
 * listening. After every (re)connection: legs the engine no longer has are
 * ended as if it had said so, by the gateway, at the time it found out, with
 * cause 0 "Unknown" (their calls get their CDRs), playbacks it no
 * longer knows are finished, conferences are recreated, and voice menus
 * waiting for a key get their timer back.
 */
export async function reconcileWithPbx(ctx: CoreContext): Promise<void> {
  // The gateway's live legs first, the engine's channels second: a leg
  // committed before the first read had its channel before the second, so a
  // call started in between can never be taken for one the engine lost.
  const live = await ctx.store.direct.calls.listLive();
  const snapshot = await ctx.pbx.snapshot();
  const present = new Set(snapshot.legs.map((leg) => leg.legId));
  const at = ctx.clock.now();
  let endedLegs = 0;
  for (const { call, legs } of live) {
    for (const leg of legs) {
      if (leg.state === 'ended' || present.has(leg.id)) continue;
      endedLegs += 1;
      await handlePbxEvent(ctx, { type: 'leg_ended', legId: leg.id, cause: 0, causeText: 'Unknown', at, lost: true });
    }
    if (call.purpose === 'voice_menu' && call.stage === 'awaiting_key') {
      ctx.callTimers.schedule(call.id, 'key_wait', ctx.config.voiceMenuKeyWaitMs);
    }
  }
  for (const playback of await ctx.store.direct.playbacks.listUnfinished()) {
    if (playback.state !== 'playing' && playback.state !== 'paused' && !(playback.state === 'pending' && playback.target)) continue;
    const state = await ctx.pbx.playbackState(playback.id);
    if (state === null || state === 'done' || state === 'failed') {
      await handlePbxEvent(ctx, { type: 'playback_finished', playbackId: playback.id, outcome: state === 'failed' ? 'failed' : 'done', at });
    }
  }
  for (const session of await ctx.store.direct.sessions.list()) {
    const conference = session.conference;
    if (!conference) continue;
    await ctx.queue.run(agentOwner(session.agentId), () =>
      pbxBestEffort(ctx, 'recreate conference', () => ctx.pbx.ensureBridge(conference.bridgeId, 'mixing')),
    );
  }
  ctx.logger.info('reconciled with telephony engine', { liveCalls: live.length, endedLegs });
}

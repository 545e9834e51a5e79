import type { Leg } from '../calls/call';
import type { Playback, PlaybackFinishCause } from './playback';
import { completeCallIfOver, phoneReleasedBy, publishPhoneReleased, recordLegAnswered } from '../calls/call-lifecycle';
import { playInto } from '../calls/call-primitives';
import { hangupOtherLegs } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CallFlow } from '../calls/call-flow';
import { causeAtCallEnd } from './playback-call-end';

/**
 * Audio for an agent who is not on the phone: the agent's phone rings, the
 * media plays once it is answered, and the phone is released when the media
 * ends. Clients that follow the agent (Huawei) see, in order: busy, phone
 * alerting, off-hook, playing ... phone released, ready, playback finished.
 */
export const agentPlaybackCall: CallFlow<'agent_playback'> = {
  async onLegRinging(_ctx, uow, call, leg) {
    uow.publish({ type: 'AgentPhoneRinging', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
  },

  async onLegAnswered(ctx, uow, call, leg) {
    const answered = await recordLegAnswered(uow, call, leg);
    const connected = { ...call, state: 'answered' as const, progress: { stage: 'playing' as const }, answeredAt: uow.now };
    await uow.tx.calls.update(connected);
    uow.publish({ type: 'AgentPhoneAnswered', agentId: call.agentId!, callId: call.id, legId: leg.id, at: uow.now });
    const playback = await uow.tx.playbacks.activeForCall(call.id);
    if (!playback || playback.state !== 'pending') {
      await hangupOtherLegs(ctx, uow, [answered], null);
      return connected;
    }
    const target = { kind: 'leg' as const, legId: leg.id };
    await uow.tx.playbacks.update({ ...playback, target });
    playInto(ctx, uow, playback.id, target, playback.media, {
      what: 'play to agent phone',
      offsetMs: playback.offsetMs,
      whenRefused: async (next) => {
        ctx.logger.warn('playback could not start on the agent phone', { playbackId: playback.id });
        const current = await next.tx.playbacks.get(playback.id);
        if (current && current.state !== 'finished') await finishWithRelease(ctx, next, current, 'failed', await next.tx.calls.legsOf(call.id));
      },
    });
    return connected;
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    if (outcome === 'done') {
      await finishWithRelease(ctx, uow, playback, 'done', await uow.tx.calls.legsOf(call.id));
      return call;
    }
    // An engine reports media cut short by the agent hanging up as failed,
    // just before the leg's own end. Give that end a moment to arrive so the
    // agent's hang-up is told as such; release the phone only if it does not.
    await uow.tx.playbacks.update({ ...playback, state: 'finishing', finishCause: playback.finishCause ?? 'failed' });
    ctx.callTimers.schedule(call.id, RELEASE_AFTER_FAILED_MEDIA, FAILED_MEDIA_GRACE_MS);
    return call;
  },

  async onTimer(ctx, uow, call, timer) {
    if (timer === RELEASE_AFTER_FAILED_MEDIA) await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
    return call;
  },

  async onLegEnded(ctx, uow, call, leg, legs) {
    publishPhoneReleased(uow, call, leg);
    await hangupOtherLegs(ctx, uow, legs, null);
    // Ending the call finishes its audio, each playback once (a deferred logout may have finished some already).
    const ended = await completeCallIfOver(ctx, uow, call, legs, (playback) => endCause(playback, leg));
    return ended ?? call;
  },
};
/** The media ended or failed: release the phone; the playback ends with the leg. */
async function finishWithRelease(
  ctx: CoreContext,
  uow: UnitOfWork,
  playback: Playback,
  cause: Exclude<PlaybackFinishCause, 'replaced'>,
  legs: readonly Leg[],
): Promise<void> {
  await uow.tx.playbacks.update({ ...playback, state: 'finishing', finishCause: playback.finishCause ?? cause });
  await hangupOtherLegs(ctx, uow, legs, null);
}

const RELEASE_AFTER_FAILED_MEDIA = 'release_after_failed_media';
const FAILED_MEDIA_GRACE_MS = 1000;

/**
 * Why the audio ended when its phone went away: as decided earlier (stopped,
 * done, failed), failed if it never started (unanswered phone), stopped if the
 * agent hung up while it played (also between a jump and its restart, and
 * when the engine called the media failed because the agent hung up).
 */
function endCause(playback: Playback, leg: Leg): Exclude<PlaybackFinishCause, 'replaced'> {
  if (playback.state === 'finishing' && playback.finishCause === 'failed' && phoneReleasedBy(leg) === 'agent') return 'stopped';
  return causeAtCallEnd(playback);
}

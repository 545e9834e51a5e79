import type { CallOf } from './call';
import type { VoiceBroadcastEnd, VoiceBroadcastProgress } from './call-progress';
import { playToLeg } from '../playback/leg-playback';
import { recordCallAudioEnded, stopCallAudio } from '../playback/call-audio';
import { completeCallIfOver, lockOngoing, recordLegAnswered } from './call-lifecycle';
import { hangupOtherLegs } from './leg-hangup';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CallFlow } from './call-flow';

/**
 * The engine ends a playback whose channel hangs up (as failed) before it
 * tells that the channel is gone: the gateway waits this long after the
 * audio, whatever its outcome, before hanging up, so that a callee who hung
 * up during the audio is recorded as having done so, not the gateway. A
 * second: the hang-up travels on the event socket behind the playback's end
 * and is handled after it, which on a loaded gateway took more than 300 ms.
 */
export const HANGUP_AFTER_AUDIO_MS = 1000;

/**
 * A played call: the gateway calls a number, plays audio when it answers and
 * hangs up when the audio ends. When asked, it also takes one key (during the
 * audio, or within the key wait after it), recorded as the call's pressed key,
 * and hangs up once it has it. A talk limit hangs up whatever stage it is at.
 */
export const voiceBroadcastCall: CallFlow<'voice_broadcast'> = {
  async onLegAnswered(ctx, uow, call, leg) {
    const answered = await recordLegAnswered(uow, call, leg);
    const playing = { ...withProgress(call, { stage: 'playing' }), state: 'answered' as const, answeredAt: uow.now };
    await uow.tx.calls.update(playing);
    const { talkLimitSec } = call.progress;
    if (talkLimitSec !== null) ctx.callTimers.schedule(call.id, 'talk_limit', talkLimitSec * 1000);
    await playToLeg(ctx, uow, call.id, answered.id, { uri: call.progress.media, name: call.progress.mediaName }, {
      what: 'play message',
      // Refused too when the callee hung up as the audio was asked for: the hang-up, behind on the event
      // socket, gets the same moment as after audio that failed to say who ended the call.
      afterRefusal: async (next) => {
        ctx.logger.warn('played call audio could not start', { callId: call.id });
        const current = await lockOngoing(next, call);
        if (current && current.progress.stage === 'playing') await hangUpAfterAudio(ctx, next, current, 'failed');
      },
    });
    return playing;
  },

  async onLegDtmf(ctx, uow, call, _leg, digit) {
    const { stage, collectKey, pressedKey } = call.progress;
    if (!collectKey || pressedKey !== null || (stage !== 'playing' && stage !== 'awaiting_key')) return call;
    const pressed = withProgress(call, { pressedKey: digit });
    const playing = await uow.tx.playbacks.activeForCall(call.id);
    if (playing) await stopCallAudio(ctx, uow, playing);
    return endPlayedCall(ctx, uow, pressed, 'key_collected');
  },

  async onPlaybackEnded(ctx, uow, call, playback, outcome) {
    await recordCallAudioEnded(uow, call.id, playback, outcome);
    if (call.progress.stage !== 'playing') return call;
    if (outcome === 'failed' || !call.progress.collectKey) return hangUpAfterAudio(ctx, uow, call, outcome === 'failed' ? 'failed' : 'played');
    const waiting = withProgress(call, { stage: 'awaiting_key' });
    await uow.tx.calls.update(waiting);
    ctx.callTimers.schedule(call.id, 'key_wait', ctx.config.voiceMenuKeyWaitMs);
    return waiting;
  },

  async onTimer(ctx, uow, call, timer) {
    const { stage } = call.progress;
    if (timer === 'key_wait' && stage === 'awaiting_key') return endPlayedCall(ctx, uow, call, 'no_key');
    if (timer === 'audio_end' && stage === 'ending') return endPlayedCall(ctx, uow, call, 'played');
    if (timer === 'audio_failed' && stage === 'ending') return endPlayedCall(ctx, uow, call, 'media_failed');
    if (timer === 'talk_limit' && (stage === 'playing' || stage === 'awaiting_key' || stage === 'ending')) return endPlayedCall(ctx, uow, call, 'talk_limit');
    return call;
  },

  async onLegEnded(ctx, uow, call, _leg, legs) {
    return (await completeCallIfOver(ctx, uow, call, legs)) ?? call;
  },
};

type PlayedCall = CallOf<'voice_broadcast'>;

function withProgress(call: PlayedCall, change: Partial<VoiceBroadcastProgress>): PlayedCall {
  return { ...call, progress: { ...call.progress, ...change } };
}

/** The audio is over (played, or failed): the gateway hangs up a moment later, unless the callee has by then. */
async function hangUpAfterAudio(ctx: CoreContext, uow: UnitOfWork, call: PlayedCall, audio: 'played' | 'failed'): Promise<PlayedCall> {
  const ending = withProgress(call, { stage: 'ending' });
  await uow.tx.calls.update(ending);
  ctx.callTimers.schedule(call.id, audio === 'failed' ? 'audio_failed' : 'audio_end', HANGUP_AFTER_AUDIO_MS);
  return ending;
}

/** The gateway hangs up: it is who ended the call (audio still playing ends with it). */
async function endPlayedCall(ctx: CoreContext, uow: UnitOfWork, call: PlayedCall, why: VoiceBroadcastEnd): Promise<PlayedCall> {
  const ended = { ...withProgress(call, { stage: why }), hangupSide: call.hangupSide ?? ('system' as const) };
  await uow.tx.calls.update(ended);
  await hangupOtherLegs(ctx, uow, await uow.tx.calls.legsOf(call.id), null);
  return ended;
}

import type { Playback } from './playback';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { hangupLeg } from '../calls/leg-hangup';

/** Stops a playback to make room for another: recorded now, the engine told after the commit. */
export async function stopPlaybackNow(ctx: CoreContext, uow: UnitOfWork, playback: Playback, options: { releaseDedicatedCall: boolean }): Promise<Playback> {
  if (playback.target) uow.engine.command('stop playback', () => ctx.pbx.stopPlayback(playback.id));
  return recordPlaybackStopped(ctx, uow, playback, options);
}

/**
 * Records a playback stopped on request. Audio that has a call of its own to
 * the agent's phone ends with that call: the phone is released first and the
 * playback is reported finished when the leg is gone (playback/agent-playback-call),
 * so clients see the release before the end of playback, as Huawei orders them.
 */
export async function recordPlaybackStopped(
  ctx: CoreContext,
  uow: UnitOfWork,
  playback: Playback,
  options: { releaseDedicatedCall: boolean },
): Promise<Playback> {
  const { tx, now } = uow;
  const call = playback.callId ? await tx.calls.get(playback.callId) : null;
  if (options.releaseDedicatedCall && call && call.purpose === 'agent_playback' && call.state !== 'ended') {
    const finishing: Playback = { ...playback, state: 'finishing', finishCause: 'stopped' };
    await tx.playbacks.update(finishing);
    for (const leg of await tx.calls.legsOf(call.id)) await hangupLeg(ctx, uow, leg.id);
    return finishing;
  }
  const finished: Playback = { ...playback, state: 'finished', finishCause: 'stopped', finishedAt: now };
  await tx.playbacks.update(finished);
  uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, cause: 'stopped', at: now });
  return finished;
}

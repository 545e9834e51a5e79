import type { Playback } from './playback';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { pbxCommand } from '../kernel/engine';
import { hangupLeg } from '../calls/leg-hangup';

/**
 * Stops a playback on request. Audio that has a call of its own to the
 * agent's phone ends with that call: the phone is released first and the
 * playback is reported finished when the leg is gone (flows/agent-playback-call),
 * so clients see the release before the end of playback, as Huawei orders them.
 */
export async function stopPlaybackNow(
  ctx: CoreContext,
  uow: UnitOfWork,
  playback: Playback,
  options: { releaseDedicatedCall: boolean },
): Promise<Playback> {
  const { tx, now } = uow;
  if (playback.target) await pbxCommand(ctx, 'stop playback', () => ctx.pbx.stopPlayback(playback.id));
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

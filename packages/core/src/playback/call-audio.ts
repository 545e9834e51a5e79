import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { Playback } from './playback';

/**
 * Audio the gateway plays to a call's own leg (a voice menu, a played
 * message): no agent owns it, so its end is only recorded and told.
 */

/** Records that the call's audio ended by itself (`done`) or could not play (`failed`). */
export async function recordCallAudioEnded(uow: UnitOfWork, callId: string, playback: Playback, outcome: 'done' | 'failed'): Promise<void> {
  await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: outcome, finishedAt: uow.now });
  uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: null, callId, cause: outcome, at: uow.now });
}

/** Stops the call's audio now (a key ended it): recorded as stopped, the engine told after the commit. */
export async function stopCallAudio(ctx: CoreContext, uow: UnitOfWork, playback: Playback): Promise<void> {
  await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'stopped', finishedAt: uow.now });
  uow.engine.bestEffort('stop call audio', () => ctx.pbx.stopPlayback(playback.id));
  uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: null, callId: playback.callId, cause: 'stopped', at: uow.now });
}

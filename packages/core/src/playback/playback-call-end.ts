import type { Playback, PlaybackFinishCause } from './playback';
import type { UnitOfWork } from '../kernel/unit-of-work';

export type PlaybackEndCause = (playback: Playback) => Exclude<PlaybackFinishCause, 'replaced'>;

/**
 * Audio cannot outlive its call: whatever left playbacks unfinished on it
 * (media that failed while its phone was being released, a stop waiting for
 * the hang-up), the call's end finishes every one of them, oldest first.
 */
export async function finishPlaybacksOfCall(uow: UnitOfWork, callId: string, causeOf: PlaybackEndCause = causeAtCallEnd): Promise<void> {
  for (const playback of await uow.tx.playbacks.listUnfinishedForCall(callId)) {
    const cause = causeOf(playback);
    await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: cause, finishedAt: uow.now });
    uow.publish({ type: 'PlaybackFinished', playbackId: playback.id, agentId: playback.agentId, callId, cause, at: uow.now });
  }
}

/** As decided earlier (stopped, done, failed), failed if it never started, else stopped. */
export function causeAtCallEnd(playback: Playback): Exclude<PlaybackFinishCause, 'replaced'> {
  if (playback.state === 'finishing' && playback.finishCause && playback.finishCause !== 'replaced') return playback.finishCause;
  if (playback.state === 'pending' && playback.continues === null) return 'failed';
  return 'stopped';
}

import { playInto } from '../calls/call-primitives';
import type { CoreContext } from '../kernel/context';
import { newPlaybackId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { ResolvedMedia } from './media-resolution';
import type { Playback } from './playback';

export interface LegPlaybackOptions {
  /** What the engine command is, for the log. */
  what: string;
  /** Runs after a refused playback has been ended as failed: what the call does without its audio. */
  afterRefusal: (uow: UnitOfWork) => Promise<void>;
}

/**
 * Plays audio into one leg of a call on the call's own account (no agent
 * owns it): the playback is stored pending and the engine asked to start
 * it. Audio the engine refuses ends as failed, and the call then goes on as
 * `afterRefusal` says (a voice menu ends, a left message hangs up).
 */
export async function playToLeg(
  ctx: CoreContext,
  uow: UnitOfWork,
  callId: string,
  legId: string,
  media: ResolvedMedia,
  options: LegPlaybackOptions,
): Promise<Playback> {
  const target = { kind: 'leg' as const, legId };
  const playback: Playback = {
    id: newPlaybackId(callId, ctx.ids),
    agentId: null,
    callId,
    target,
    media: media.uri,
    requestedName: media.name,
    state: 'pending',
    finishCause: null,
    offsetMs: 0,
    playedMs: 0,
    resumedAt: null,
    createdAt: uow.now,
    startedAt: null,
    finishedAt: null,
    continues: null,
  };
  await uow.tx.playbacks.insert(playback);
  playInto(ctx, uow, playback.id, target, playback.media, {
    what: options.what,
    whenRefused: async (next) => {
      const current = await next.tx.playbacks.get(playback.id);
      if (current && current.state !== 'finished') await next.tx.playbacks.update({ ...current, state: 'finished', finishCause: 'failed', finishedAt: next.now });
      await options.afterRefusal(next);
    },
  });
  return playback;
}

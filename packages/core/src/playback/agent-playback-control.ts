import { DomainError } from '../errors/domain-error';
import { isActivePlayback, playbackPosition, type Playback } from './playback';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { inTransaction } from '../kernel/unit-of-work';
import { pbxCommand } from '../kernel/engine';
import { agentOwner, newPlaybackId } from '../kernel/ids';
import { stopPlaybackNow } from './playback-stop';

export type PlaybackAction =
  | { action: 'stop' }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'restart' }
  /** Moves forward (positive) or back (negative) by whole seconds. */
  | { action: 'jump'; seconds: number };

/** Controls the audio playing for an agent. */
export async function controlAgentPlayback(ctx: CoreContext, request: { agentId: string } & PlaybackAction): Promise<Playback> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const playback = await uow.tx.playbacks.activeForAgent(request.agentId);
      if (!playback || !isActivePlayback(playback)) {
        throw new DomainError('NO_ACTIVE_PLAYBACK', 'no audio playing in agent session', {
          conference: session.conference?.number ?? '',
          serverIp: session.serverIp,
        });
      }
      switch (request.action) {
        case 'stop':
          return stopPlaybackNow(ctx, uow, playback, { releaseDedicatedCall: true });
        case 'pause':
          return pause(ctx, uow, playback);
        case 'resume':
          return resume(ctx, uow, playback);
        case 'restart':
          return restart(ctx, uow, playback);
        case 'jump':
          return jump(ctx, uow, request.agentId, playback, request.seconds);
      }
    }),
  );
}

async function pause(ctx: CoreContext, uow: UnitOfWork, playback: Playback): Promise<Playback> {
  if (playback.state !== 'playing') throw new DomainError('PLAYBACK_NOT_PLAYING', `playback is ${playback.state}`, { state: playback.state });
  await pbxCommand(ctx, 'pause playback', () => ctx.pbx.controlPlayback(playback.id, 'pause'));
  const paused: Playback = { ...playback, state: 'paused', playedMs: playbackPosition(playback, uow.now) - playback.offsetMs, resumedAt: null };
  await uow.tx.playbacks.update(paused);
  uow.publish({ type: 'PlaybackPaused', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, at: uow.now });
  return paused;
}

async function resume(ctx: CoreContext, uow: UnitOfWork, playback: Playback): Promise<Playback> {
  if (playback.state !== 'paused') throw new DomainError('PLAYBACK_NOT_PAUSED', `playback is ${playback.state}`, { state: playback.state });
  await pbxCommand(ctx, 'resume playback', () => ctx.pbx.controlPlayback(playback.id, 'unpause'));
  const playing: Playback = { ...playback, state: 'playing', resumedAt: uow.now };
  await uow.tx.playbacks.update(playing);
  uow.publish({ type: 'PlaybackResumed', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, at: uow.now });
  return playing;
}

async function restart(ctx: CoreContext, uow: UnitOfWork, playback: Playback): Promise<Playback> {
  if (playback.state === 'pending') throw new DomainError('PLAYBACK_NOT_PLAYING', 'playback has not started', { state: playback.state });
  await pbxCommand(ctx, 'restart playback', () => ctx.pbx.controlPlayback(playback.id, 'restart'));
  const restarted: Playback = { ...playback, offsetMs: 0, playedMs: 0, resumedAt: playback.state === 'playing' ? uow.now : null };
  await uow.tx.playbacks.update(restarted);
  return restarted;
}

/**
 * Engines jump by a step fixed when the media started, so an exact jump of
 * any number of seconds starts the media again at the new position under a
 * new id; the old playback ends silently and the new one does not announce a start.
 */
async function jump(ctx: CoreContext, uow: UnitOfWork, agentId: string, playback: Playback, seconds: number): Promise<Playback> {
  if (!playback.target || (playback.state !== 'playing' && playback.state !== 'paused')) {
    throw new DomainError('PLAYBACK_NOT_PLAYING', 'playback has not started', { state: playback.state });
  }
  const target = playback.target;
  const positionMs = Math.max(0, playbackPosition(playback, uow.now) + Math.round(seconds * 1000));
  const successor: Playback = {
    ...playback,
    id: newPlaybackId(agentOwner(agentId), ctx.ids),
    state: 'pending',
    offsetMs: positionMs,
    playedMs: 0,
    resumedAt: null,
    createdAt: uow.now,
    continues: playback.id,
  };
  await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'replaced', finishedAt: uow.now });
  await uow.tx.playbacks.insert(successor);
  // The engine queues media on a target: the new position starts the moment
  // the old one stops, and if the new play is refused the old one plays on,
  // matching the rolled-back rows.
  await pbxCommand(ctx, 'play from new position', () =>
    ctx.pbx.play({ playbackId: successor.id, target, media: successor.media, offsetMs: positionMs || undefined }),
  );
  await pbxCommand(ctx, 'stop playback for jump', () => ctx.pbx.stopPlayback(playback.id));
  uow.publish({ type: 'PlaybackJumped', playbackId: successor.id, agentId: playback.agentId, callId: playback.callId, positionMs, at: uow.now });
  return successor;
}

import { DomainError } from '../errors/domain-error';
import { isActivePlayback, playbackPosition, type Playback } from './playback';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { agentOwner, newPlaybackId } from '../kernel/ids';
import { recordPlaybackStopped } from './playback-stop';

export type PlaybackAction =
  | { action: 'stop' }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'restart' }
  /** Moves forward (positive) or back (negative) by whole seconds. */
  | { action: 'jump'; seconds: number };

/**
 * A change to audio that is playing: what the engine is asked (none when the
 * audio has not reached it yet) and how the change is recorded once it did.
 */
interface PlaybackChange {
  what: string;
  send: (() => Promise<void>) | null;
  record: (uow: UnitOfWork) => Promise<Playback>;
}

/**
 * Controls the audio playing for an agent. The engine goes first and the
 * change is recorded after, each in its own step: the audio already exists,
 * so a refusal (the engine lost it) changes nothing, and no transaction waits
 * for the engine. The agent's queue keeps anything else from happening to
 * the playback in between.
 */
export async function controlAgentPlayback(ctx: CoreContext, request: { agentId: string } & PlaybackAction): Promise<Playback> {
  return ctx.queue.run(agentOwner(request.agentId), async () => {
    let recorded: Playback | null = null;
    const immediate = await inTransaction(ctx, async (uow) => {
      const session = await uow.tx.sessions.get(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      const playback = await uow.tx.playbacks.activeForAgent(request.agentId);
      if (!playback || !isActivePlayback(playback)) {
        throw new DomainError('NO_ACTIVE_PLAYBACK', 'no audio playing in agent session', {
          conference: session.conference?.number ?? '',
          serverIp: session.serverIp,
        });
      }
      const change = changeFor(ctx, uow.now, request, playback);
      if (!change.send) return change.record(uow);
      const send = change.send;
      uow.engine.command(change.what, async () => {
        await send();
        return async (next) => {
          recorded = await change.record(next);
        };
      });
      return null;
    });
    return immediate ?? recorded!;
  });
}

function changeFor(ctx: CoreContext, now: Date, request: { agentId: string } & PlaybackAction, playback: Playback): PlaybackChange {
  switch (request.action) {
    case 'stop':
      return {
        what: 'stop playback',
        send: playback.target ? () => ctx.pbx.stopPlayback(playback.id) : null,
        record: (uow) => recordPlaybackStopped(ctx, uow, playback, { releaseDedicatedCall: true }),
      };
    case 'pause':
      return pause(ctx, now, playback);
    case 'resume':
      return resume(ctx, now, playback);
    case 'restart':
      return restart(ctx, now, playback);
    case 'jump':
      return jump(ctx, now, request.agentId, playback, request.seconds);
  }
}

function pause(ctx: CoreContext, now: Date, playback: Playback): PlaybackChange {
  if (playback.state !== 'playing') throw new DomainError('PLAYBACK_NOT_PLAYING', `playback is ${playback.state}`, { state: playback.state });
  return {
    what: 'pause playback',
    send: () => ctx.pbx.controlPlayback(playback.id, 'pause'),
    record: async (uow) => {
      const paused: Playback = { ...playback, state: 'paused', playedMs: playbackPosition(playback, now) - playback.offsetMs, resumedAt: null };
      await uow.tx.playbacks.update(paused);
      uow.publish({ type: 'PlaybackPaused', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, at: now });
      return paused;
    },
  };
}

function resume(ctx: CoreContext, now: Date, playback: Playback): PlaybackChange {
  if (playback.state !== 'paused') throw new DomainError('PLAYBACK_NOT_PAUSED', `playback is ${playback.state}`, { state: playback.state });
  return {
    what: 'resume playback',
    send: () => ctx.pbx.controlPlayback(playback.id, 'unpause'),
    record: async (uow) => {
      const playing: Playback = { ...playback, state: 'playing', resumedAt: now };
      await uow.tx.playbacks.update(playing);
      uow.publish({ type: 'PlaybackResumed', playbackId: playback.id, agentId: playback.agentId, callId: playback.callId, at: now });
      return playing;
    },
  };
}

function restart(ctx: CoreContext, now: Date, playback: Playback): PlaybackChange {
  if (playback.state === 'pending') throw new DomainError('PLAYBACK_NOT_PLAYING', 'playback has not started', { state: playback.state });
  return {
    what: 'restart playback',
    send: () => ctx.pbx.controlPlayback(playback.id, 'restart'),
    record: async (uow) => {
      const restarted: Playback = { ...playback, offsetMs: 0, playedMs: 0, resumedAt: playback.state === 'playing' ? now : null };
      await uow.tx.playbacks.update(restarted);
      return restarted;
    },
  };
}

/**
 * Engines jump by a step fixed when the media started, so an exact jump of
 * any number of seconds starts the media again at the new position under a
 * new id; the old playback ends silently and the new one does not announce a start.
 */
function jump(ctx: CoreContext, now: Date, agentId: string, playback: Playback, seconds: number): PlaybackChange {
  if (!playback.target || (playback.state !== 'playing' && playback.state !== 'paused')) {
    throw new DomainError('PLAYBACK_NOT_PLAYING', 'playback has not started', { state: playback.state });
  }
  const target = playback.target;
  const positionMs = Math.max(0, playbackPosition(playback, now) + Math.round(seconds * 1000));
  const successor: Playback = {
    ...playback,
    id: newPlaybackId(agentOwner(agentId), ctx.ids),
    state: 'pending',
    offsetMs: positionMs,
    playedMs: 0,
    resumedAt: null,
    createdAt: now,
    continues: playback.id,
  };
  return {
    what: 'jump playback',
    // The engine queues media on a target: the new position starts the
    // moment the old one stops, and if the new play is refused the old one
    // plays on, as the unchanged rows say.
    send: async () => {
      await ctx.pbx.play({ playbackId: successor.id, target, media: successor.media, offsetMs: positionMs || undefined });
      await ctx.pbx.stopPlayback(playback.id);
    },
    record: async (uow) => {
      await uow.tx.playbacks.update({ ...playback, state: 'finished', finishCause: 'replaced', finishedAt: now });
      await uow.tx.playbacks.insert(successor);
      uow.publish({ type: 'PlaybackJumped', playbackId: successor.id, agentId: playback.agentId, callId: playback.callId, positionMs, at: now });
      return successor;
    },
  };
}

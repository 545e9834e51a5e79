import type { PlaybackTarget } from '../ports/pbx';

/**
 * - `pending`: waiting for its target (the agent's phone is ringing) or for the engine to start it.
 * - `playing` / `paused`: as the words say.
 * - `finishing`: the media ended or was stopped; the gateway is releasing the phone it rang.
 * - `finished`: over; `finishCause` says why.
 */
export type PlaybackState = 'pending' | 'playing' | 'paused' | 'finishing' | 'finished';

/** `replaced`: a jump restarted the media under a new id; the old one ends silently. */
export type PlaybackFinishCause = 'done' | 'stopped' | 'failed' | 'replaced';

export interface Playback {
  id: string;
  agentId: string | null;
  callId: string | null;
  target: PlaybackTarget | null;
  /** Media URI given to the engine. */
  media: string;
  /** The name the client asked for, echoed back by some dialects. */
  requestedName: string;
  state: PlaybackState;
  finishCause: PlaybackFinishCause | null;
  /** Where the media started, and how far it had played when last paused. */
  offsetMs: number;
  playedMs: number;
  /** When the media last started or resumed playing. */
  resumedAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** A playback that continues this one after a jump: events must not announce a new start. */
  continues: string | null;
}

export const isActivePlayback = (playback: Playback): boolean =>
  playback.state === 'pending' || playback.state === 'playing' || playback.state === 'paused';

/** Current position in the media, for jumps. */
export function playbackPosition(playback: Playback, now: Date): number {
  const running = playback.state === 'playing' && playback.resumedAt ? now.getTime() - playback.resumedAt.getTime() : 0;
  return playback.offsetMs + playback.playedMs + Math.max(0, running);
}

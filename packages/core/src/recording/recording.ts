/**
 * - `pending`: asked of the engine, not yet reported started.
 * - `recording`: the engine writes the file.
 * - `stopping`: the gateway asked the engine to stop; the file is being closed.
 * - `finished`: the file is complete; `failed`: the engine could not record.
 */
export type RecordingState = 'pending' | 'recording' | 'stopping' | 'finished' | 'failed';

import { agentOwner } from '../kernel/ids';

/**
 * A recording of what a bridge mixes: an agent's conference (the agent, the
 * customer, audio played into it), or a call's own bridge (a call recorded
 * on request, owned by the call: no agent).
 */
export interface Recording {
  /** Starts with the agent's owner key, like every id of the session. */
  id: string;
  /** The file's name without extension, as the engine knows the recording; chosen by the gateway. */
  name: string;
  format: string;
  /** The file in the engine's recordings store (`<name>.<format>`). */
  location: string;
  /** The agent whose conference is recorded; null for a recording owned by its call. */
  agentId: string | null;
  /** The bridge recorded. */
  bridgeId: string;
  /** The agent's call when the recording started, if any, or the call owning it; its CDR names the call's first recording. */
  callId: string | null;
  /** The lead on the agent's screen when the recording started, if any. */
  leadId: number | null;
  state: RecordingState;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Whole seconds of audio the engine wrote, once it ended. */
  durationSec: number | null;
  /** Since when a live recording is paused (the engine writes nothing meanwhile); null while it records. */
  pausedAt: Date | null;
}

/** What recordings are looked up by; each criterion given must hold. */
export interface RecordingSearch {
  agentId?: string;
  leadId?: number;
  callId?: string;
  /** Created at or after `from` and before `to`. */
  from?: Date;
  to?: Date;
}

export const isLiveRecording = (recording: Recording): boolean => recording.state === 'pending' || recording.state === 'recording';

/** The file format the gateway records in. */
export const RECORDING_FORMAT = 'wav';

/** What a recording about to be asked of the engine is chosen to be. */
export type RecordingTarget = Pick<Recording, 'id' | 'name' | 'agentId' | 'bridgeId' | 'callId' | 'leadId'>;

/** A recording asked of the engine at `now` and not yet reported started, in the gateway's format. */
export const pendingRecording = (target: RecordingTarget, now: Date): Recording => ({
  id: target.id,
  name: target.name,
  format: RECORDING_FORMAT,
  location: `${target.name}.${RECORDING_FORMAT}`,
  agentId: target.agentId,
  bridgeId: target.bridgeId,
  callId: target.callId,
  leadId: target.leadId,
  state: 'pending',
  createdAt: now,
  startedAt: null,
  endedAt: null,
  durationSec: null,
  pausedAt: null,
});

/** Whole seconds between a recording's start and `to`; 0 when it never started. */
export const recordedSeconds = (startedAt: Date | null, to: Date): number =>
  startedAt ? Math.max(0, Math.round((to.getTime() - startedAt.getTime()) / 1000)) : 0;

/** The queue a recording's changes run in: its agent's, or, owned by a call, the call's. */
export const recordingOwner = (recording: Pick<Recording, 'agentId' | 'callId' | 'id'>): string =>
  recording.agentId !== null ? agentOwner(recording.agentId) : (recording.callId ?? recording.id);

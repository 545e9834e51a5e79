/**
 * - `pending`: asked of the engine, not yet reported started.
 * - `recording`: the engine writes the file.
 * - `stopping`: the gateway asked the engine to stop; the file is being closed.
 * - `finished`: the file is complete; `failed`: the engine could not record.
 */
export type RecordingState = 'pending' | 'recording' | 'stopping' | 'finished' | 'failed';

/** A recording of what an agent's conference mixes: the agent, the customer, audio played into it. */
export interface Recording {
  /** Starts with the agent's owner key, like every id of the session. */
  id: string;
  /** The file's name without extension, as the engine knows the recording; chosen by the gateway. */
  name: string;
  format: string;
  /** The file in the engine's recordings store (`<name>.<format>`). */
  location: string;
  agentId: string;
  /** The bridge recorded. */
  bridgeId: string;
  /** The agent's call when the recording started, if any; its CDR names the call's first recording. */
  callId: string | null;
  /** The lead on the agent's screen when the recording started, if any. */
  leadId: number | null;
  state: RecordingState;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** Whole seconds of audio the engine wrote, once it ended. */
  durationSec: number | null;
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

/** Whole seconds between a recording's start and `to`; 0 when it never started. */
export const recordedSeconds = (startedAt: Date | null, to: Date): number =>
  startedAt ? Math.max(0, Math.round((to.getTime() - startedAt.getTime()) / 1000)) : 0;

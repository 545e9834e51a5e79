import type { Cdr } from '../calls/cdr';
import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import type { Recording, RecordingSearch } from './recording';
import { startAgentRecording, type AgentRecordingRequest, type AgentRecordingStarted } from './agent-recording-start';
import { stopAgentRecordings, type AgentRecordingsStopped } from './agent-recording-stop';
import { startAgentCallRecording, type AgentCallRecordingRequest } from './agent-call-recording-start';
import { pauseAgentRecording } from './agent-recording-pause';
import { resumeAgentRecording } from './agent-recording-resume';
import { moveCdrRecording, type CdrRecordingMove, type CdrRecordingMoveOutcome } from './cdr-recording-move';
import { cdrRecordingAudio } from './cdr-recording-audio';
import type { StoredRecordingFile } from '../ports/pbx';

/** Recordings of agents' conferences. */
export interface RecordingCommands {
  startAgentRecording(request: AgentRecordingRequest): Promise<AgentRecordingStarted>;
  stopAgentRecordings(request: { agentId: string }): Promise<AgentRecordingsStopped>;
  /** Records the agent's current call (one recording at a time per agent); it ends with the call at the latest. */
  startAgentCallRecording(request: AgentCallRecordingRequest): Promise<Recording>;
  pauseAgentRecording(request: { agentId: string }): Promise<Recording>;
  resumeAgentRecording(request: { agentId: string }): Promise<Recording>;
  /** The agent's recordings that are starting or running, oldest first. */
  liveAgentRecordings(agentId: string): Promise<Recording[]>;
  getRecording(recordingId: string): Promise<Recording | null>;
  recordingsOfCall(callId: string): Promise<Recording[]>;
  findRecordings(criteria: RecordingSearch): Promise<Recording[]>;
  /** Moves or renames the recording a CDR names, on the engine, and records where it went. */
  moveCdrRecording(request: CdrRecordingMove): Promise<CdrRecordingMoveOutcome>;
  /** The CDR with this id (ids are the store's, increasing). */
  getCdr(cdrId: number): Promise<Cdr | null>;
  /** The audio of the recording a CDR names, from the engine; null when the CDR names none or the engine has no such file. */
  cdrRecordingAudio(cdrId: number): Promise<StoredRecordingFile | null>;
}

export function recordingCommands(ctx: CoreContext, track: TrackWork): RecordingCommands {
  const direct = ctx.store.direct;
  return {
    startAgentRecording: (request) => track(startAgentRecording(ctx, request)),
    stopAgentRecordings: (request) => track(stopAgentRecordings(ctx, request)),
    startAgentCallRecording: (request) => track(startAgentCallRecording(ctx, request)),
    pauseAgentRecording: (request) => track(pauseAgentRecording(ctx, request)),
    resumeAgentRecording: (request) => track(resumeAgentRecording(ctx, request)),
    liveAgentRecordings: (agentId) => direct.recordings.liveForAgent(agentId),
    getRecording: (recordingId) => direct.recordings.get(recordingId),
    recordingsOfCall: (callId) => direct.recordings.listForCall(callId),
    findRecordings: (criteria) => direct.recordings.search(criteria),
    moveCdrRecording: (request) => track(moveCdrRecording(ctx, request)),
    getCdr: (cdrId) => direct.cdrs.get(cdrId),
    cdrRecordingAudio: (cdrId) => cdrRecordingAudio(ctx, cdrId),
  };
}

import type { Call } from '../calls/call';
import type { MediaPolicy } from '../config/core-config';
import type { CoreContext } from '../kernel/context';
import { DomainError } from '../errors/domain-error';
import { agentOwner, callBridgeId, newRecordingId } from '../kernel/ids';
import { inTransaction } from '../kernel/unit-of-work';
import { resolveMedia } from '../playback/media-resolution';
import { pendingRecording, RECORDING_FORMAT, type Recording } from './recording';
import { recordingName } from './recording-name';
import { recordNeverStarted } from './recording-refused';

export interface AgentCallRecordingRequest {
  agentId: string;
  /**
   * Where to record, as a client's file path (`Y:/1/0/20201119/186/142702.V3`)
   * that the media policy maps to a recording name, the same path `play`
   * reads it back by; null: a name of the gateway's.
   */
  file: string | null;
}

const RECORDING_MEDIA = 'recording:';

/** The recording name a client's file path maps to; a path that maps to no recording is refused. */
function recordingNameOfFile(file: string, policy: MediaPolicy): string {
  const { uri } = resolveMedia({ kind: 'file', path: file }, policy);
  if (!uri.startsWith(RECORDING_MEDIA)) throw new DomainError('MEDIA_NOT_ALLOWED', `${file}: not a place recordings are kept`, { media: file });
  return uri.slice(RECORDING_MEDIA.length);
}

/** The agent talks with its party in the call's own bridge: a callout or call between agents answered, a skill call connected. */
const isTalking = (call: Call): boolean =>
  call.state === 'answered' && call.bridgeId === callBridgeId(call.id) && (call.purpose !== 'inbound' || call.progress.stage === 'connected');

/**
 * Records the agent's current call: what the call's bridge mixes (the agent,
 * its party, audio played into the call), for the agent, who may pause,
 * resume and stop it; it ends with the call at the latest. One at a time per
 * agent. The call's CDR names it if it is the call's first recording. The
 * engine is asked after the commit, and a refusal marks it failed and takes
 * its name off the call.
 */
export async function startAgentCallRecording(ctx: CoreContext, request: AgentCallRecordingRequest): Promise<Recording> {
  const chosen = request.file === null ? null : recordingNameOfFile(request.file, ctx.config.media);
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const session = await tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if ((await tx.recordings.liveForAgent(session.agentId)).length > 0) throw new DomainError('RECORDING_ALREADY_ACTIVE', 'the agent is recording already');
      const call = session.currentCallId ? await tx.calls.lock(session.currentCallId) : null;
      if (!call || !isTalking(call) || !call.bridgeId) throw new DomainError('NO_ACTIVE_CALL', 'the agent is not talking in a call');
      const id = newRecordingId(agentOwner(session.agentId), ctx.ids);
      const name = chosen ?? recordingName(now, session.agentId, null, id.slice(id.lastIndexOf('.rec-') + 5));
      const recording = pendingRecording({ id, name, agentId: session.agentId, bridgeId: call.bridgeId, callId: call.id, leadId: session.lead?.leadId ?? null }, now);
      // The engine never overwrites a file: a name taken is refused here rather than by the engine after the answer.
      if (!(await tx.recordings.insertIfNameFree(recording))) throw new DomainError('MEDIA_NOT_ALLOWED', `${name}: a recording of that name exists`, { media: request.file ?? name });
      if (typeof call.data.recordingFile !== 'string') await tx.calls.update({ ...call, data: { ...call.data, recordingFile: recording.location } });
      const bridgeId = call.bridgeId;
      uow.engine.command('record agent call', () => ctx.pbx.recordBridge({ recordingName: name, bridgeId, format: RECORDING_FORMAT }), {
        onFailure: (next) => recordNeverStarted(next, id),
      });
      return recording;
    }),
  );
}

import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { agentOwner, newRecordingId } from '../kernel/ids';
import { pendingRecording, RECORDING_FORMAT, type Recording } from './recording';
import { recordingName } from './recording-name';
import { recordNeverStarted } from './recording-refused';

export interface AgentRecordingRequest {
  agentId: string;
  /** Words added to the file name (VICIdial's `stage`). */
  label?: string | null;
}

export interface AgentRecordingStarted {
  recording: Recording;
  session: AgentSession;
}

/**
 * Records the agent's session conference: the agent, the customer and any
 * audio played into it. Several recordings may run at once. The recording is
 * written as intended and its call's CDR will name it; the engine is asked
 * after the commit, and a refusal marks it failed and takes its name off the call.
 */
export async function startAgentRecording(ctx: CoreContext, request: AgentRecordingRequest): Promise<AgentRecordingStarted> {
  return ctx.queue.run(agentOwner(request.agentId), () =>
    inTransaction(ctx, async (uow) => {
      const { tx, now } = uow;
      const session = await tx.sessions.lock(request.agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${request.agentId} is not logged in`);
      if (!session.conference) throw new DomainError('SESSION_HAS_NO_CONFERENCE', 'the agent session has no conference');
      const id = newRecordingId(agentOwner(session.agentId), ctx.ids);
      const name = recordingName(now, session.agentId, request.label ?? null, id.slice(id.lastIndexOf('.rec-') + 5));
      const recording = pendingRecording({ id, name, agentId: session.agentId, bridgeId: session.conference.bridgeId, callId: session.currentCallId, leadId: session.lead?.leadId ?? null }, now);
      await tx.recordings.insert(recording);
      await nameOnCall(uow, recording);
      const bridgeId = recording.bridgeId;
      uow.engine.command('ensure conference', () => ctx.pbx.ensureBridge(bridgeId, 'mixing'));
      uow.engine.command('record conference', () => ctx.pbx.recordBridge({ recordingName: name, bridgeId, format: RECORDING_FORMAT }), {
        onFailure: (next) => recordNeverStarted(next, id),
      });
      return { recording, session };
    }),
  );
}

/** The call's CDR names its first recording. */
async function nameOnCall(uow: UnitOfWork, recording: Recording): Promise<void> {
  if (!recording.callId) return;
  const call = await uow.tx.calls.lock(recording.callId);
  if (!call || call.state === 'ended' || typeof call.data.recordingFile === 'string') return;
  await uow.tx.calls.update({ ...call, data: { ...call.data, recordingFile: recording.location } });
}

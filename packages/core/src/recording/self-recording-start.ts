import type { Call } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { agentOwner, callBridgeId, newRecordingId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { pendingRecording, RECORDING_FORMAT } from './recording';
import { recordingName } from './recording-name';
import { recordNeverStarted } from './recording-refused';

/**
 * The agent asked for its calls to be recorded (`AgentSession.recordCalls`)
 * and now talks in `call`: its bridge is recorded from now on, for the agent,
 * as if the agent had asked (`startAgentCallRecording`), so the agent may
 * pause, resume and stop it, and it ends with the call or when the agent
 * leaves it. Called in the unit of work that connected the agent, after the
 * bridge was asked for; the engine is asked after the commit. An agent
 * recording already (one at a time) is left as it is; a refusal of the
 * engine marks the recording failed and the call goes on. Returns the call
 * as it now is (naming its recording when it is the first).
 */
export async function recordCallForAgent<C extends Call>(ctx: CoreContext, uow: UnitOfWork, agentId: string, call: C): Promise<C> {
  const { tx, now } = uow;
  const session = await tx.sessions.get(agentId);
  // A call the agent talks in from its session conference records with the conference, not here.
  if (!session?.recordCalls || session.currentCallId !== call.id || call.bridgeId !== callBridgeId(call.id)) return call;
  if ((await tx.recordings.liveForAgent(agentId)).length > 0) return call;
  const id = newRecordingId(agentOwner(agentId), ctx.ids);
  const name = recordingName(now, agentId, null, id.slice(id.lastIndexOf('.rec-') + 5));
  const recording = pendingRecording({ id, name, agentId, bridgeId: call.bridgeId, callId: call.id, leadId: session.lead?.leadId ?? null }, now);
  if (!(await tx.recordings.insertIfNameFree(recording))) return call;
  let current = call;
  if (typeof call.data.recordingFile !== 'string') {
    current = { ...call, data: { ...call.data, recordingFile: recording.location } };
    await tx.calls.update(current);
  }
  const bridgeId = recording.bridgeId;
  uow.engine.command('record agent call', () => ctx.pbx.recordBridge({ recordingName: name, bridgeId, format: RECORDING_FORMAT }), {
    onFailure: (next) => recordNeverStarted(next, id),
    // The call goes on unrecorded; the refusal is the recording's outcome, not the call's.
    refusalIsOrdinary: true,
  });
  return current;
}

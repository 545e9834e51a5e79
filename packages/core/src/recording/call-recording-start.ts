import type { Call } from '../calls/call';
import type { CallRecordingRequest } from '../calls/call-progress';
import type { CoreContext } from '../kernel/context';
import { DomainError } from '../errors/domain-error';
import { newRecordingId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { pendingRecording, RECORDING_FORMAT, type Recording } from './recording';
import { recordingName } from './recording-name';
import { recordNeverStarted } from './recording-refused';

/** A directory or file name the engine may be given: letters, digits, `_`, `-`, `.`, never `.` or `..`. */
const PLAIN_NAME = /^[A-Za-z0-9_.-]{1,200}$/;
const isPlainName = (part: string): boolean => PLAIN_NAME.test(part) && part !== '.' && part !== '..';

/**
 * Checks a call's recording request before the call is placed: the engine
 * takes the name as a path under its recordings store, so only plain names,
 * a relative directory of plain names, and no extension of the client's
 * (the format is the gateway's) may reach it.
 */
export function checkCallRecordingRequest(request: CallRecordingRequest): CallRecordingRequest {
  const directory = request.directory === null ? null : request.directory.split('/').filter((part) => part !== '');
  if (directory !== null && (directory.length > 20 || !directory.every(isPlainName))) {
    throw new DomainError('INVALID_ARGUMENT', 'the recording directory is not a relative path of plain names');
  }
  if (request.name !== null && (!isPlainName(request.name) || request.name.includes('.'))) {
    throw new DomainError('INVALID_ARGUMENT', 'the recording name is not a plain name without extension');
  }
  return { directory: directory === null || directory.length === 0 ? null : directory.join('/'), name: request.name };
}

/**
 * Records the call's own bridge from now on (both sides, mixed); the
 * recording belongs to the call, and the call's CDR names it. Done in the
 * call's queue, in the unit of work that found both sides connected; the
 * engine is asked after the commit, and a refusal (e.g. a file of that name
 * already there) marks the recording failed and takes its name off the call.
 */
export async function startCallRecording(ctx: CoreContext, uow: UnitOfWork, call: Call, request: CallRecordingRequest): Promise<Recording | null> {
  const { tx, now } = uow;
  if (!call.bridgeId) throw new Error(`call ${call.id} has no bridge to record`);
  const id = newRecordingId(call.id, ctx.ids);
  const chosen = request.name ?? recordingName(now, call.extension ?? 'call', null, id.slice(id.lastIndexOf('.rec-') + 5));
  const name = request.directory === null ? chosen : `${request.directory}/${chosen}`;
  const recording = pendingRecording({ id, name, agentId: null, bridgeId: call.bridgeId, callId: call.id, leadId: null }, now);
  // The engine would refuse a name taken too (nothing is overwritten): the call goes on unrecorded.
  if (!(await tx.recordings.insertIfNameFree(recording))) return null;
  if (typeof call.data.recordingFile !== 'string') await tx.calls.update({ ...call, data: { ...call.data, recordingFile: recording.location } });
  const bridgeId = recording.bridgeId;
  uow.engine.command('record call', () => ctx.pbx.recordBridge({ recordingName: name, bridgeId, format: RECORDING_FORMAT }), {
    onFailure: (next) => recordNeverStarted(next, id),
    // The call goes on unrecorded; the refusal is the recording's outcome, not the call's.
    refusalIsOrdinary: true,
  });
  return recording;
}

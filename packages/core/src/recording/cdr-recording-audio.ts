import type { CoreContext } from '../kernel/context';
import { requireEngine, toDomainError } from '../kernel/engine';
import { PbxFailure, type StoredRecordingFile } from '../ports/pbx';
import { engineRecordingName } from './cdr-recording-move';

/**
 * The audio of the recording a CDR names, read from the engine's recordings
 * store (the gateway keeps no copy). A file still being written is the
 * engine's until it is closed, so only a finished recording is found.
 */
export async function cdrRecordingAudio(ctx: CoreContext, cdrId: number): Promise<StoredRecordingFile | null> {
  const cdr = await ctx.store.direct.cdrs.get(cdrId);
  if (!cdr || cdr.recordingFile === null || cdr.recordingFile === '') return null;
  requireEngine(ctx, 'read a recording');
  try {
    return await ctx.pbx.storedRecordingFile(engineRecordingName(cdr.recordingFile));
  } catch (error) {
    if (error instanceof PbxFailure && (error.kind === 'not_found' || error.kind === 'rejected')) return null;
    throw toDomainError(error, 'read a recording');
  }
}

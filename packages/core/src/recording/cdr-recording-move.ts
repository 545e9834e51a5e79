import { PbxFailure } from '../ports/pbx';
import type { CoreContext } from '../kernel/context';
import { requireEngine, toDomainError } from '../kernel/engine';
import { inTransaction } from '../kernel/unit-of-work';
import { recordingOwner, type Recording } from './recording';

export interface CdrRecordingMove {
  cdrId: number;
  /** The directory in the engine's recordings store to move to (`''`: its top); null keeps the current one. */
  directory: string | null;
  /** The new file name without extension; null keeps the current one. */
  name: string | null;
}

/** Files are named relative to the engine's recordings store, with extension (`2018/new_record.wav`). */
export type CdrRecordingMoveOutcome =
  | { outcome: 'moved'; from: string; to: string }
  | { outcome: 'cdr_not_found' }
  | { outcome: 'no_recording' }
  /** The engine has no such file. */
  | { outcome: 'source_missing'; from: string; to: string }
  /** The file is still being recorded, the name is taken (nothing is overwritten), or the engine refused the name. */
  | { outcome: 'destination_refused'; from: string; to: string };

/**
 * Moves (and renames) the recording a CDR names, on the engine (its
 * recordings store: copy, then delete), and records its new place on the
 * CDR and the recording in one transaction once the engine has done it.
 * Runs in the queue of the recording's agent, so no event of the recording
 * interleaves.
 */
export async function moveCdrRecording(ctx: CoreContext, request: CdrRecordingMove): Promise<CdrRecordingMoveOutcome> {
  const found = await ctx.store.direct.cdrs.get(request.cdrId);
  if (!found) return { outcome: 'cdr_not_found' };
  const recordingOf = async (file: string | null): Promise<Recording | null> =>
    (await ctx.store.direct.recordings.listForCall(found.callId)).find((candidate) => candidate.location === file) ?? null;
  const first = await recordingOf(found.recordingFile);
  return ctx.queue.run(first ? recordingOwner(first) : `cdr-${found.id}`, async () => {
    // Read again in the queue: a move of the same CDR just before this one changed its file.
    const cdr = (await ctx.store.direct.cdrs.get(found.id))!;
    if (cdr.recordingFile === null || cdr.recordingFile === '') return { outcome: 'no_recording' };
    const from = cdr.recordingFile;
    const { directory, base, extension } = partsOf(from);
    const name = join(request.directory ?? directory, request.name ?? base);
    const to = `${name}${extension}`;
    if (to === from) return { outcome: 'moved', from, to };
    const recording = await recordingOf(from);
    // A file still being written is the engine's until it is closed.
    if (recording && recording.state !== 'finished' && recording.state !== 'failed') return { outcome: 'destination_refused', from, to };
    requireEngine(ctx, 'move a recording');
    try {
      await ctx.pbx.moveStoredRecording(join(directory, base), name);
    } catch (error) {
      if (error instanceof PbxFailure && error.kind === 'not_found') return { outcome: 'source_missing', from, to };
      if (error instanceof PbxFailure && error.kind !== 'unavailable') return { outcome: 'destination_refused', from, to };
      throw toDomainError(error, 'move a recording');
    }
    await inTransaction(ctx, async ({ tx }) => {
      await tx.cdrs.setRecordingFile(cdr.id, to);
      if (recording) await tx.recordings.update(moved(recording, name, to));
    });
    return { outcome: 'moved', from, to };
  });
}

const moved = (recording: Recording, name: string, location: string): Recording => ({ ...recording, name, location });

/** The engine's name of a recording file (`2018/a.wav` → `2018/a`): relative to its store, without extension. */
export function engineRecordingName(file: string): string {
  const { directory, base } = partsOf(file);
  return join(directory, base);
}

const join = (directory: string, name: string): string => (directory === '' ? name : `${directory}/${name}`);

/** `2018/a.wav` → directory `2018`, base `a`, extension `.wav`. */
function partsOf(file: string): { directory: string; base: string; extension: string } {
  const slash = file.lastIndexOf('/');
  const directory = slash < 0 ? '' : file.slice(0, slash);
  const leaf = file.slice(slash + 1);
  const dot = leaf.lastIndexOf('.');
  return dot <= 0 ? { directory, base: leaf, extension: '' } : { directory, base: leaf.slice(0, dot), extension: leaf.slice(dot) };
}

import type { JSONSchemaType } from 'ajv';
import { VoipsunWireError } from '../errors';
import { clientPathOf, isSafeSegment, storeDirectoryOf } from '../wire/recording-path';
import { SUCCESS_BODY } from '../wire/response';
import { nonEmpty } from '../wire/text';
import { defineOperation } from './operation';

type MoveRecordParams = { cdrId: string; filename?: string; path?: string };

const optional = { type: 'string', nullable: true } as const;

const schema: JSONSchemaType<MoveRecordParams> = {
  type: 'object',
  properties: { cdrId: { type: 'string' }, filename: optional, path: optional },
  required: ['cdrId'],
  additionalProperties: true,
};

/**
 * `moverecord`: moves and/or renames the recording of a CDR. `path` is an
 * absolute directory inside one of the configured `recordingRoots` (the
 * directory is created); `filename` a plain file name, its extension, if
 * any, the recording's own. Nothing is overwritten. Checks, in order: 120
 * (no `cdrId`, neither `filename` nor `path`), 800 (no such CDR), 801 (its
 * call has no recording), 810 (`path` outside the roots or not a plain
 * path), 812 (a `filename` that is not a plain name, or of another format),
 * 900 (engine away), then what the engine found: 811 (the file is not
 * there), 812 (the name is taken, or the file is still being recorded).
 */
export const moverecord = defineOperation({
  name: 'moverecord',
  action: 'moverecord',
  auth: { permission: 'Move audio recordings' },
  input: schema,
  async run({ core, settings }, params): Promise<void> {
    const path = nonEmpty(params.path);
    const filename = nonEmpty(params.filename);
    if (params.cdrId === '' || (path === null && filename === null)) throw new VoipsunWireError('120');
    const cdrId = /^[0-9]{1,15}$/.test(params.cdrId) ? Number(params.cdrId) : null;
    const cdr = cdrId === null ? null : await core.getCdr(cdrId);
    if (!cdr) throw new VoipsunWireError('800');
    if (cdr.recordingFile === null || cdr.recordingFile === '') throw new VoipsunWireError('801');
    const roots = settings.recordingRoots;
    const directory = path === null ? null : storeDirectoryOf(path, roots);
    if (path !== null && directory === null) throw new VoipsunWireError('810');
    const extension = extensionOf(cdr.recordingFile);
    const name = filename === null ? null : nameWithout(filename, extension);
    if (filename !== null && name === null) {
      const target = path ?? clientPathOf(cdr.recordingFile, roots).replace(/\/[^/]*$/, '');
      throw new VoipsunWireError('812', `${target.replace(/\/$/, '')}/${filename}`);
    }
    if (!core.pbxAvailable()) throw new VoipsunWireError('900');
    const moved = await core.moveCdrRecording({ cdrId: cdr.id, directory, name });
    if (moved.outcome === 'cdr_not_found') throw new VoipsunWireError('800');
    if (moved.outcome === 'no_recording') throw new VoipsunWireError('801');
    if (moved.outcome === 'source_missing') throw new VoipsunWireError('811', clientPathOf(moved.from, roots));
    if (moved.outcome === 'destination_refused') throw new VoipsunWireError('812', clientPathOf(moved.to, roots));
  },
  render: () => SUCCESS_BODY,
});

const extensionOf = (file: string): string => {
  const leaf = file.slice(file.lastIndexOf('/') + 1);
  const dot = leaf.lastIndexOf('.');
  return dot <= 0 ? '' : leaf.slice(dot);
};

/** The new name without the recording's extension; null when it is not a plain name or names another format. */
function nameWithout(filename: string, extension: string): string | null {
  if (!isSafeSegment(filename)) return null;
  const base = extension !== '' && filename.toLowerCase().endsWith(extension.toLowerCase()) ? filename.slice(0, -extension.length) : filename;
  if (base === '' || !isSafeSegment(base) || base.includes('.')) return null;
  return base;
}

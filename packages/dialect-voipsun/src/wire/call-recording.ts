import type { CallRecordingRequest } from '@pbx-gateway/core';
import { VoipsunWireError } from '../errors';
import { isSafeSegment, storeDirectoryOf, type RecordingRoots } from './recording-path';
import { nonEmpty } from './text';

/** The recording wishes of `originate` and `dial`. */
export interface MonitorParams {
  monitorFilename?: string | null;
  monitorPath?: string | null;
  monitorType?: string | null;
}

/** The one format the gateway records in; a file name may say it, no other. */
const RECORDING_EXTENSION = '.wav';

/**
 * What a call's `monitor*` parameters ask to record, or null when they ask
 * nothing (neither `monitorFilename` nor `monitorPath` given). `monitorPath`
 * is a directory clients may name (the setting `recordingRoots`), turned
 * into the engine's recordings store; `monitorFilename` a plain file name,
 * `.wav` or no extension. Anything else is 120 before anything is dialled:
 * no path a client sends reaches a file system call. `monitorType`
 * (`mixmonitor`, `monitor`) changes nothing: both sides are recorded mixed
 * into one file, as MixMonitor does (Asterisk 22 has no Monitor).
 */
export function callRecordingOf(params: MonitorParams, roots: RecordingRoots): CallRecordingRequest | null {
  const path = nonEmpty(params.monitorPath);
  const filename = nonEmpty(params.monitorFilename);
  if (path === null && filename === null) return null;
  const directory = path === null ? null : storeDirectoryOf(path, roots);
  if (path !== null && directory === null) throw new VoipsunWireError('120');
  return { directory: directory === '' ? null : directory, name: filename === null ? null : plainName(filename) };
}

function plainName(filename: string): string {
  const base = filename.toLowerCase().endsWith(RECORDING_EXTENSION) ? filename.slice(0, -RECORDING_EXTENSION.length) : filename;
  if (base === '' || !isSafeSegment(base) || base.includes('.')) throw new VoipsunWireError('120');
  return base;
}

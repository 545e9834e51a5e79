import { PbxFailure } from '@pbx-gateway/core';
import type { PbxLegState, PbxPlaybackState } from '@pbx-gateway/core';

/**
 * The few fields of Asterisk's JSON models the adapter reads, checked at the
 * boundary. ari-client hands back loosely typed resource objects (the JSON
 * fields copied onto an object with methods); nothing of that shape travels
 * further than these readers.
 */
export interface AriChannel {
  id: string;
  name: string;
  /** ARI state word: `Down`, `Ring`, `Ringing`, `Up`, `Busy`, ... */
  state: string;
  callerNumber: string;
  callerName: string;
  context: string;
  exten: string;
  /** The dialplan application the channel is in, e.g. `Stasis`, `AppDial2`. */
  appName: string;
  appData: string;
}

export interface AriBridge {
  id: string;
  bridgeType: string;
  channels: string[];
}

export interface AriPlayback {
  id: string;
  state: string;
  targetUri: string;
}

export interface AriLiveRecording {
  name: string;
  state: string;
  /** Seconds of audio, once the recording ended. */
  duration: number | null;
  cause: string;
}

export interface AriEndpoint {
  technology: string;
  resource: string;
  state: string;
  channelIds: string[];
}

type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord => value !== null && typeof value === 'object';

const str = (record: JsonRecord, key: string): string => {
  const value = record[key];
  return typeof value === 'string' ? value : '';
};

function malformed(model: string, value: unknown): PbxFailure {
  const shown = JSON.stringify(value) ?? String(value);
  return new PbxFailure('rejected', `the engine sent a malformed ${model}: ${shown.slice(0, 200)}`);
}

export function readChannel(value: unknown): AriChannel {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.name !== 'string') throw malformed('Channel', value);
  const caller = isRecord(value.caller) ? value.caller : {};
  const dialplan = isRecord(value.dialplan) ? value.dialplan : {};
  return {
    id: value.id,
    name: value.name,
    state: str(value, 'state'),
    callerNumber: str(caller, 'number'),
    callerName: str(caller, 'name'),
    context: str(dialplan, 'context'),
    exten: str(dialplan, 'exten'),
    appName: str(dialplan, 'app_name'),
    appData: str(dialplan, 'app_data'),
  };
}

export function readBridge(value: unknown): AriBridge {
  if (!isRecord(value) || typeof value.id !== 'string') throw malformed('Bridge', value);
  return { id: value.id, bridgeType: str(value, 'bridge_type'), channels: readStringList(value.channels) };
}

export function readPlayback(value: unknown): AriPlayback {
  if (!isRecord(value) || typeof value.id !== 'string') throw malformed('Playback', value);
  return { id: value.id, state: str(value, 'state'), targetUri: str(value, 'target_uri') };
}

export function readLiveRecording(value: unknown): AriLiveRecording {
  if (!isRecord(value) || typeof value.name !== 'string') throw malformed('LiveRecording', value);
  return { name: value.name, state: str(value, 'state'), duration: typeof value.duration === 'number' ? value.duration : null, cause: str(value, 'cause') };
}

export function readEndpoint(value: unknown): AriEndpoint {
  if (!isRecord(value) || typeof value.technology !== 'string' || typeof value.resource !== 'string') {
    throw malformed('Endpoint', value);
  }
  return {
    technology: value.technology,
    resource: value.resource,
    state: str(value, 'state'),
    channelIds: readStringList(value.channel_ids),
  };
}

/** One attribute of a sorcery object as ARI shows it (`ConfigTuple`). */
export interface AriConfigTuple {
  attribute: string;
  value: string;
}

/** A list of `ConfigTuple`s (`GET /asterisk/config/dynamic/...`); an item without a string attribute is malformed. */
export function readConfigTuples(value: unknown): AriConfigTuple[] {
  return readList(
    value,
    (item) => {
      if (!isRecord(item) || typeof item.attribute !== 'string') throw malformed('ConfigTuple', item);
      return { attribute: item.attribute, value: str(item, 'value') };
    },
    'ConfigTuple',
  );
}

export function readList<T>(value: unknown, read: (item: unknown) => T, model: string): T[] {
  if (!Array.isArray(value)) throw malformed(`list of ${model}`, value);
  return value.map(read);
}

function readStringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** ARI channel states in the core's words. */
export function legState(ariState: string): PbxLegState {
  switch (ariState) {
    case 'Down':
    case 'Rsrvd':
    case 'Rsrved':
      return 'down';
    case 'Ring':
      return 'ring';
    case 'Ringing':
      return 'ringing';
    case 'Up':
      return 'up';
    case 'Busy':
      return 'busy';
    default:
      return 'other';
  }
}

/**
 * ARI playback states in the core's words. Asterisk's model lists queued,
 * playing, continuing, done and failed, and a paused playback really reads
 * `paused`; `continuing` (moving on to the next URI of a list) is playing.
 * A state this table does not know still means the engine holds the
 * playback, so it reads as playing rather than as finished.
 */
export function playbackState(ariState: string): PbxPlaybackState {
  switch (ariState) {
    case 'queued':
      return 'queued';
    case 'paused':
      return 'paused';
    case 'done':
      return 'done';
    case 'failed':
      return 'failed';
    default:
      return 'playing';
  }
}

/**
 * What the core asks of the telephony engine, and what it hears back. The
 * words are the domain's (leg, bridge, playback); translating them to ARI is
 * the adapter's job. Ids are always chosen by the core, so a retried command
 * cannot act twice.
 */
export interface Pbx {
  /** Rings `endpoint`; the leg joins the gateway's application once answered. */
  originate(request: OriginateRequest): Promise<OriginatedLeg>;
  /** Answers a leg that arrived by itself and is still ringing. */
  answer(legId: string): Promise<void>;
  /** Plays the music-on-hold class to a leg, or stops it (null); a leg that no longer exists is not an error when stopping. */
  setMusicOnHold(legId: string, mohClass: string | null): Promise<void>;
  /** Ends a leg. A leg that no longer exists is not an error. */
  hangup(legId: string, reason?: HangupReason): Promise<void>;
  /** Creates the bridge, or leaves an existing one with that id as it is. */
  ensureBridge(bridgeId: string, kind: BridgeKind): Promise<void>;
  /** Destroys a bridge; a bridge that no longer exists is not an error. */
  destroyBridge(bridgeId: string): Promise<void>;
  /** Adds legs to a bridge; a leg in another bridge moves out of it. */
  addToBridge(bridgeId: string, legIds: readonly string[]): Promise<void>;
  removeFromBridge(bridgeId: string, legId: string): Promise<void>;
  /** Starts media on a leg or into a bridge. */
  play(request: PlayRequest): Promise<void>;
  controlPlayback(playbackId: string, operation: PlaybackOperation): Promise<void>;
  /** Stops a playback; one that already finished is not an error. */
  stopPlayback(playbackId: string): Promise<void>;
  /**
   * Sends keys out of a leg to its far end: `0-9`, `*`, `#`, `A-D`, and `,`
   * for one second of silence. `betweenMs`: the pause after each key.
   */
  sendDtmf(legId: string, digits: string, options?: { betweenMs?: number; durationMs?: number }): Promise<void>;
  /** Records what a bridge mixes into a file named by the core. */
  recordBridge(request: RecordRequest): Promise<void>;
  /** Ends a live recording and keeps its file; one already over is not an error. */
  stopRecording(recordingName: string): Promise<void>;
  /** Pauses a live recording: nothing is written until it is resumed. An absent one is `not_found`. */
  pauseRecording(recordingName: string): Promise<void>;
  /** Resumes a paused recording. An absent one is `not_found`. */
  resumeRecording(recordingName: string): Promise<void>;
  /** Whether a recording is still live on the engine (the engine forgets one once it is over). */
  recordingIsLive(recordingName: string): Promise<boolean>;
  /**
   * Moves a stored (finished) recording to another name in the engine's
   * recordings store: names without extension, relative to the store, `/`
   * separating the directories the engine creates. A name already taken is
   * refused (`conflict`: nothing is overwritten), an absent source is
   * `not_found`, a name outside the store `rejected`.
   */
  moveStoredRecording(from: string, to: string): Promise<void>;
  /** The file of a stored (finished) recording, named as for a move; an absent one is `not_found`. */
  storedRecordingFile(recordingName: string): Promise<StoredRecordingFile>;
  /** Plays the music-on-hold class (the engine's default when null) to everyone in a bridge until it is destroyed. */
  startMusicOnHold(bridgeId: string, mohClass: string | null): Promise<void>;
  /**
   * Starts a snoop leg on another leg's channel: it hears (`spy`) and speaks
   * into (`whisper`) that channel's audio, and joins the gateway's
   * application as answered (a `leg_answered` event) under the id the core
   * chose. It ends when its target ends.
   */
  snoop(request: SnoopRequest): Promise<OriginatedLeg>;
  /** Plays ringing tone to a leg waiting in a bridge, or stops it. */
  setRinging(legId: string, ringing: boolean): Promise<void>;
  /** Keeps the audio coming from a leg's device from everyone it is bridged with (it still hears them), or lets it through again. */
  setMuted(legId: string, muted: boolean): Promise<void>;
  /** What exists now: used to reconcile after the gateway or the engine restarts. */
  snapshot(): Promise<PbxSnapshot>;
  /** The state of one playback, or null when the engine no longer knows it. */
  playbackState(playbackId: string): Promise<PbxPlaybackState | null>;
  /** Devices known to the engine and whether they are reachable. */
  endpoints(): Promise<PbxEndpoint[]>;
  /**
   * Where a SIP device can be reached: the contacts of its address of record
   * (`sip100`, `upc`), newest registration first; null when the engine has
   * no such address of record.
   */
  deviceContacts(aor: string): Promise<PbxDeviceContacts | null>;
  /**
   * Creates a SIP device at runtime, or changes the one it created before:
   * its endpoint, the authentication it registers with and its address of
   * record, all named `device.resource`. A device of the engine's own
   * configuration cannot be changed (`rejected`).
   */
  putDevice(device: PbxDevice): Promise<void>;
  /** Removes a device created at runtime; one that is not there is not an error. */
  removeDevice(resource: string): Promise<void>;
  /**
   * What the engine checks a device's password against, so that neither the
   * gateway nor the engine keeps the password itself.
   */
  deviceCredential(username: string, password: string): string;
  /** False while there is no working connection: commands then fail fast. */
  isAvailable(): boolean;
  /** Events arrive in the order the engine sent them. */
  onEvent(listener: (event: PbxEvent) => void): void;
}

export type BridgeKind = 'mixing' | 'holding';

export type HangupReason = 'normal' | 'busy' | 'congestion' | 'no_answer' | 'answered_elsewhere';

export interface CallerId {
  number: string;
  name?: string;
}

export interface OriginateRequest {
  legId: string;
  /** A dial string the engine understands, e.g. `PJSIP/1000` or `PJSIP/800123456@trunk`. */
  endpoint: string;
  callerId?: CallerId;
  /** Seconds to ring before giving up. */
  timeoutSec?: number;
  variables?: Readonly<Record<string, string>>;
}

export interface OriginatedLeg {
  legId: string;
  /** The engine's name for the channel, e.g. `PJSIP/1000-00000001`. */
  channelName: string;
  state: PbxLegState;
  /** Dialplan context the channel reports (listed by some dialects). */
  context: string;
}

/** Which of a channel's audio a snoop hears or speaks into: what the channel receives (`in`), sends (`out`), or both. */
export type SnoopDirection = 'none' | 'in' | 'out' | 'both';

export interface SnoopRequest {
  /** The id of the snoop leg, chosen by the core. */
  legId: string;
  /** The leg whose channel is snooped on. */
  targetLegId: string;
  spy: SnoopDirection;
  whisper: SnoopDirection;
}

export type PbxLegState = 'down' | 'ring' | 'ringing' | 'up' | 'busy' | 'other';

export type PlaybackTarget = { kind: 'leg'; legId: string } | { kind: 'bridge'; bridgeId: string };

export interface PlayRequest {
  playbackId: string;
  target: PlaybackTarget;
  /** A media URI: `sound:name`, `sound:https://...`, `recording:name`. */
  media: string;
  offsetMs?: number;
  skipMs?: number;
}

export interface RecordRequest {
  /** The file's name without extension; also the engine's name of the live recording. */
  recordingName: string;
  bridgeId: string;
  /** File format, e.g. `wav`. */
  format: string;
}

export type PlaybackOperation = 'pause' | 'unpause' | 'restart' | 'forward' | 'reverse';

export type PbxPlaybackState = 'queued' | 'playing' | 'paused' | 'done' | 'failed';

export interface PbxSnapshot {
  legs: ReadonlyArray<{ legId: string; channelName: string; state: PbxLegState }>;
  bridges: ReadonlyArray<{ bridgeId: string; legIds: readonly string[] }>;
}

export interface PbxEndpoint {
  /** `PJSIP/1000` */
  endpoint: string;
  technology: string;
  resource: string;
  online: boolean;
  channelIds: readonly string[];
}

/** A SIP device the gateway creates on the engine. */
export interface PbxDevice {
  /** The endpoint's name, also its authentication's and address of record's (`PJSIP/<resource>`). */
  resource: string;
  /** The user name it registers with. */
  username: string;
  /** From `deviceCredential(username, password)`. */
  credential: string;
}

/** A device's address of record and its contacts. */
export interface PbxDeviceContacts {
  /** The engine checks its contacts' reachability (qualify); false when it does not. */
  qualified: boolean;
  contacts: readonly PbxDeviceContact[];
}

/** One contact of a device. */
export interface PbxDeviceContact {
  /** `sip:sip100@192.0.2.10:5060`, as the engine stores it. */
  uri: string;
  /**
   * `registered`: the device sent a REGISTER (host and port are where it came
   * from, userAgent what it said it is); `configured`: a contact the engine's
   * configuration names (host and port are the URI's, no user agent).
   */
  origin: 'registered' | 'configured';
  host: string;
  port: number;
  /** The host the contact URI names (behind NAT it differs from where a REGISTER came from). */
  uriHost: string;
  userAgent: string;
  /**
   * The round trip of the engine's qualify that last found the contact
   * reachable, in microseconds; absent when the engine has not told it
   * (not qualified, not reachable, or reachable since before it was asked).
   */
  roundtripUsec?: number;
}

/** Normalised engine events; anything the core does not use is not translated. */
export type PbxEvent =
  | { type: 'leg_ringing'; legId: string; at: Date }
  /** A leg the gateway originated was answered and entered the application. */
  | { type: 'leg_answered'; legId: string; at: Date }
  /**
   * A leg is gone. `lost`: reconciliation found that the engine no longer has
   * it and cannot say how it ended; nobody is known to have hung up, so the
   * gateway ends it as if it had. `byParty`: the engine heard the leg's own
   * party (the far end) hang up before any hang-up the gateway asked for
   * reached it, so the party ended the leg even if the gateway had asked too
   * (the two crossed).
   */
  | { type: 'leg_ended'; legId: string; cause: number; causeText: string; at: Date; lost?: boolean; byParty?: boolean }
  | { type: 'leg_dtmf'; legId: string; digit: string; durationMs: number; at: Date }
  | { type: 'playback_started'; playbackId: string; at: Date }
  | { type: 'playback_finished'; playbackId: string; outcome: 'done' | 'failed'; at: Date }
  | { type: 'recording_started'; recordingName: string; at: Date }
  /** `durationSec`: the length of the file, when the engine says. */
  | { type: 'recording_finished'; recordingName: string; durationSec: number | null; at: Date }
  | { type: 'recording_failed'; recordingName: string; cause: string; at: Date }
  /**
   * A leg the gateway did not originate entered the application (a call the
   * dialplan sent in: `Stasis(pbx-gateway,inbound,<did>)` gives the args
   * `inbound`, `<did>`).
   */
  | { type: 'leg_arrived'; legId: string; channelName: string; callerNumber: string; callerName: string; dialed: string; args: readonly string[]; at: Date }
  /** The connection came up (first time or after a loss): time to reconcile. */
  | { type: 'pbx_connected'; at: Date }
  | { type: 'pbx_disconnected'; at: Date };

/** Why a PBX command failed; the core turns these into domain errors. */
/** A recording's file as the engine keeps it. */
export interface StoredRecordingFile {
  contentType: string;
  data: Uint8Array;
}

export type PbxFailureKind = 'unavailable' | 'not_found' | 'conflict' | 'invalid_state' | 'rejected';

export class PbxFailure extends Error {
  readonly kind: PbxFailureKind;
  readonly status: number | null;

  constructor(kind: PbxFailureKind, message: string, status: number | null = null) {
    super(message);
    this.name = 'PbxFailure';
    this.kind = kind;
    this.status = status;
  }
}

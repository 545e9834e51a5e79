import { createHash } from 'node:crypto';
import type { FarEndOutcome } from '../far-end/far-end-control';
import {
  PbxFailure,
  type StoredRecordingFile,
  type BridgeKind,
  type HangupReason,
  type OriginateRequest,
  type OriginatedLeg,
  type Pbx,
  type PbxEndpoint,
  type PbxDevice,
  type PbxDeviceContacts,
  type PbxEvent,
  type PbxLegState,
  type PbxPlaybackState,
  type PbxSnapshot,
  type PlaybackOperation,
  type PlayRequest,
  type RecordRequest,
  type SnoopRequest,
} from '@pbx-gateway/core';

export type PbxCommandName =
  | 'originate'
  | 'hangup'
  | 'ensureBridge'
  | 'destroyBridge'
  | 'addToBridge'
  | 'removeFromBridge'
  | 'play'
  | 'controlPlayback'
  | 'stopPlayback'
  | 'sendDtmf'
  | 'recordBridge'
  | 'stopRecording'
  | 'pauseRecording'
  | 'resumeRecording'
  | 'moveStoredRecording'
  | 'storedRecordingFile'
  | 'setRinging'
  | 'setMuted'
  | 'startMusicOnHold'
  | 'answer'
  | 'setMusicOnHold'
  | 'snoop'
  | 'putDevice'
  | 'removeDevice';

export interface PbxCommandRecord {
  name: PbxCommandName;
  args: readonly unknown[];
  /** The command was refused (engine away or a scripted failure). */
  failed: boolean;
}

interface EngineLeg {
  channelName: string;
  state: PbxLegState;
  /** The gateway asked for the hangup; the engine has not reported the end yet. */
  ending: boolean;
}

/**
 * A scriptable telephony engine. Every command is recorded with its
 * arguments, in order; tests play the engine's part by emitting `PbxEvent`s,
 * or script the far ends of the legs the gateway dials (`setPhone`,
 * `setNumber`, `setOtherNumbers`): what a far end does is queued when its leg
 * is dialled and happens when the test core settles, so a test never races
 * the engine. It keeps a small picture of what exists (legs, bridges,
 * playbacks) so that `snapshot` and `playbackState` answer like an engine
 * would, and can forget it all as an engine restart does.
 */
export class ScriptablePbx implements Pbx {
  readonly commands: PbxCommandRecord[] = [];
  readonly legs = new Map<string, EngineLeg>();
  readonly bridges = new Map<string, { kind: BridgeKind; legIds: string[] }>();
  readonly playbacks = new Map<string, PbxPlaybackState>();
  /** Live recordings by name, with the bridge each records. */
  readonly recordings = new Map<string, string>();
  endpointList: PbxEndpoint[] = [];
  /** Contacts by address of record (`deviceContacts`); an address not here is unknown to the engine. */
  contactsByAor = new Map<string, PbxDeviceContacts>();
  /** Devices put at runtime (`putDevice`), by resource. */
  readonly devices = new Map<string, PbxDevice>();
  /** Dialplan context reported for originated legs. */
  context = 'gateway';

  private available = true;
  private listeners: Array<(event: PbxEvent) => void> = [];
  private readonly nextFailures = new Map<PbxCommandName, PbxFailure[]>();
  private readonly standingFailures = new Map<PbxCommandName, PbxFailure>();
  private channelSequence = 0;
  private readonly farEnds = new FarEnds();
  private readonly reactions: PbxEvent[] = [];
  private playbacksStart = false;

  // ---- scripting -----------------------------------------------------

  setAvailable(available: boolean): void {
    this.available = available;
  }

  /** The next call of `command` fails with `failure`. */
  failNext(command: PbxCommandName, failure: PbxFailure = new PbxFailure('rejected', `${command} refused`, 422)): void {
    const queue = this.nextFailures.get(command) ?? [];
    queue.push(failure);
    this.nextFailures.set(command, queue);
  }

  /** Every call of `command` fails until `clearFailures`. */
  failAlways(command: PbxCommandName, failure: PbxFailure = new PbxFailure('rejected', `${command} refused`, 422)): void {
    this.standingFailures.set(command, failure);
  }

  clearFailures(): void {
    this.nextFailures.clear();
    this.standingFailures.clear();
  }

  /** Delivers an event to the gateway, updating the engine's own picture first. */
  emit(event: PbxEvent): void {
    switch (event.type) {
      case 'leg_ringing': {
        const leg = this.legs.get(event.legId);
        if (leg) leg.state = 'ringing';
        break;
      }
      case 'leg_answered': {
        const leg = this.legs.get(event.legId);
        if (leg) leg.state = 'up';
        break;
      }
      case 'leg_ended':
        this.legs.delete(event.legId);
        for (const bridge of this.bridges.values()) bridge.legIds = bridge.legIds.filter((id) => id !== event.legId);
        break;
      case 'leg_arrived':
        this.legs.set(event.legId, { channelName: event.channelName, state: 'up', ending: false });
        break;
      case 'playback_started':
        this.playbacks.set(event.playbackId, 'playing');
        break;
      case 'playback_finished':
        this.playbacks.delete(event.playbackId);
        break;
      case 'pbx_connected':
        this.available = true;
        break;
      case 'pbx_disconnected':
        this.available = false;
        break;
      default:
        break;
    }
    for (const listener of [...this.listeners]) listener(event);
  }

  /** The engine restarted: every channel, bridge and playback is gone. */
  forgetEverything(): void {
    this.legs.clear();
    this.bridges.clear();
    this.playbacks.clear();
  }

  /** The gateway that listened went away (a new one will subscribe). */
  removeAllListeners(): void {
    this.listeners = [];
  }

  /** Legs the gateway hung up whose end the engine has not reported yet. */
  endingLegs(): string[] {
    return [...this.legs.entries()].filter(([, leg]) => leg.ending).map(([id]) => id);
  }

  /** How a phone of the PBX (`PJSIP/<resource>`) answers from now on. */
  setPhone(resource: string, behaviour: ScriptedFarEnd): void {
    this.farEnds.phones.set(resource, behaviour);
  }

  /** How one number called over a trunk (`PJSIP/<number>@<trunk>`) answers from now on. */
  setNumber(number: string, behaviour: ScriptedFarEnd): void {
    this.farEnds.numbers.set(number, behaviour);
  }

  /** How every other dialled leg answers; `null`: nothing happens until the test emits events. */
  setOtherNumbers(behaviour: ScriptedFarEnd | null): void {
    this.farEnds.others = behaviour;
  }

  /** From now on audio the gateway plays starts (`playback_started`) when the test core settles. */
  startPlaybacks(start = true): void {
    this.playbacksStart = start;
  }

  /** The far end of a leg presses keys (one `leg_dtmf` per digit, when the test core settles). */
  pressDtmf(legId: string, digits: string): void {
    for (const digit of digits) this.reactions.push({ type: 'leg_dtmf', legId, digit, durationMs: 100, at: this.at() });
  }

  /**
   * The far end of a leg hangs up, or rejects it while it rings (when the
   * test core settles). Before any hang-up of the gateway's reached the
   * engine, the end is the party's (see PbxEvent leg_ended).
   */
  hangupFarEnd(legId: string, cause = 16): void {
    const byParty = this.legs.get(legId)?.ending === false;
    this.reactions.push(byParty ? { type: 'leg_ended', legId, cause, causeText: CAUSE_TEXTS[cause] ?? 'Unknown', at: this.at(), byParty } : legEnded(legId, cause, this.at()));
  }

  /** Whether far ends have something left to do. */
  hasReactions(): boolean {
    return this.reactions.length > 0;
  }

  /** Carries out what the far ends do, in order; returns how many events were delivered. */
  deliverReactions(): number {
    // A far end can only act on a leg the engine still has (the gateway may have hung it up meanwhile); audio only plays while it exists.
    const due = this.reactions
      .splice(0, this.reactions.length)
      .filter((event) => ('legId' in event ? this.legs.has(event.legId) : 'playbackId' in event ? this.playbacks.has(event.playbackId) : true));
    for (const event of due) this.emit({ ...event, at: this.at() });
    return due.length;
  }

  /** The clock the scripted events are stamped with (the test core's fake one). */
  clock: { now(): Date } = { now: () => new Date() };

  // ---- reading what the gateway did ---------------------------------

  named(name: PbxCommandName): PbxCommandRecord[] {
    return this.commands.filter((command) => command.name === name);
  }

  originated(): OriginateRequest[] {
    return this.named('originate').map((command) => command.args[0] as OriginateRequest);
  }

  played(): PlayRequest[] {
    return this.named('play').map((command) => command.args[0] as PlayRequest);
  }

  hungUp(): string[] {
    return this.named('hangup').map((command) => command.args[0] as string);
  }

  /** The commands in compact words, e.g. `originate c1.1 PJSIP/1000`, `play p1 bridge:b1 sound:x`. */
  describe(): string[] {
    return this.commands.map(describeCommand);
  }

  clearCommands(): void {
    this.commands.length = 0;
  }

  // ---- the Pbx port ---------------------------------------------------

  async originate(request: OriginateRequest): Promise<OriginatedLeg> {
    this.record('originate', [request]);
    this.channelSequence += 1;
    const channelName = `${channelPrefix(request.endpoint)}-${this.channelSequence.toString(16).padStart(8, '0')}`;
    this.legs.set(request.legId, { channelName, state: 'down', ending: false });
    const behaviour = this.farEnds.of(request.endpoint);
    if (behaviour) this.reactions.push(...farEndEvents(request.legId, behaviour, this.at()));
    return { legId: request.legId, channelName, state: 'down', context: this.context };
  }

  async answer(legId: string): Promise<void> {
    this.record('answer', [legId]);
    const leg = this.legs.get(legId);
    if (leg) leg.state = 'up';
  }

  async setMusicOnHold(legId: string, mohClass: string | null): Promise<void> {
    this.record('setMusicOnHold', [legId, mohClass]);
  }

  /** A call arrives by itself (the dialplan sent it to the application) on a channel the engine named. */
  arrive(legId: string, channelName: string): void {
    this.legs.set(legId, { channelName, state: 'ring', ending: false });
  }

  async hangup(legId: string, reason?: HangupReason): Promise<void> {
    this.record('hangup', reason === undefined ? [legId] : [legId, reason]);
    const leg = this.legs.get(legId);
    if (leg) leg.ending = true;
  }

  async ensureBridge(bridgeId: string, kind: BridgeKind): Promise<void> {
    this.record('ensureBridge', [bridgeId, kind]);
    if (!this.bridges.has(bridgeId)) this.bridges.set(bridgeId, { kind, legIds: [] });
  }

  async destroyBridge(bridgeId: string): Promise<void> {
    this.record('destroyBridge', [bridgeId]);
    this.bridges.delete(bridgeId);
  }

  async addToBridge(bridgeId: string, legIds: readonly string[]): Promise<void> {
    const entry = this.record('addToBridge', [bridgeId, [...legIds]]);
    const bridge = this.bridges.get(bridgeId);
    if (!bridge) {
      entry.failed = true;
      throw new PbxFailure('not_found', `bridge ${bridgeId} not found`, 404);
    }
    for (const other of this.bridges.values()) if (other !== bridge) other.legIds = other.legIds.filter((id) => !legIds.includes(id));
    for (const id of legIds) if (!bridge.legIds.includes(id)) bridge.legIds.push(id);
  }

  async removeFromBridge(bridgeId: string, legId: string): Promise<void> {
    this.record('removeFromBridge', [bridgeId, legId]);
    const bridge = this.bridges.get(bridgeId);
    if (bridge) bridge.legIds = bridge.legIds.filter((id) => id !== legId);
  }

  async play(request: PlayRequest): Promise<void> {
    this.record('play', [request]);
    this.playbacks.set(request.playbackId, 'queued');
    if (this.playbacksStart) this.reactions.push({ type: 'playback_started', playbackId: request.playbackId, at: this.at() });
  }

  async controlPlayback(playbackId: string, operation: PlaybackOperation): Promise<void> {
    const entry = this.record('controlPlayback', [playbackId, operation]);
    if (!this.playbacks.has(playbackId)) {
      entry.failed = true;
      throw new PbxFailure('not_found', `playback ${playbackId} not found`, 404);
    }
    if (operation === 'pause') this.playbacks.set(playbackId, 'paused');
    if (operation === 'unpause') this.playbacks.set(playbackId, 'playing');
  }

  async stopPlayback(playbackId: string): Promise<void> {
    this.record('stopPlayback', [playbackId]);
    this.playbacks.delete(playbackId);
  }

  async sendDtmf(legId: string, digits: string, options?: { betweenMs?: number; durationMs?: number }): Promise<void> {
    this.record('sendDtmf', options === undefined ? [legId, digits] : [legId, digits, options]);
  }

  async recordBridge(request: RecordRequest): Promise<void> {
    this.record('recordBridge', [request]);
    this.recordings.set(request.recordingName, request.bridgeId);
  }

  async stopRecording(recordingName: string): Promise<void> {
    this.record('stopRecording', [recordingName]);
    this.recordings.delete(recordingName);
    this.storedRecordings.add(recordingName);
  }

  /** As Asterisk: a recording no longer live is 404. */
  async pauseRecording(recordingName: string): Promise<void> {
    this.record('pauseRecording', [recordingName]);
    if (!this.recordings.has(recordingName)) throw new PbxFailure('not_found', 'Recording not found', 404);
  }

  async resumeRecording(recordingName: string): Promise<void> {
    this.record('resumeRecording', [recordingName]);
    if (!this.recordings.has(recordingName)) throw new PbxFailure('not_found', 'Recording not found', 404);
  }

  /** Recording files the engine keeps (stopped recordings land here; tests may add more). */
  readonly storedRecordings = new Set<string>();

  /** As Asterisk's copy and delete: an absent source is 404, a name taken 409, nothing overwritten. */
  async moveStoredRecording(from: string, to: string): Promise<void> {
    this.record('moveStoredRecording', [from, to]);
    if (!this.storedRecordings.has(from)) throw new PbxFailure('not_found', `Recording not found (${from})`, 404);
    if (this.storedRecordings.has(to)) throw new PbxFailure('conflict', 'A recording with the same name already exists on the system', 409);
    this.storedRecordings.delete(from);
    this.storedRecordings.add(to);
  }

  /** A stored recording's file: a few bytes naming it, enough to tell which file was read. */
  async storedRecordingFile(recordingName: string): Promise<StoredRecordingFile> {
    this.record('storedRecordingFile', [recordingName]);
    if (!this.storedRecordings.has(recordingName)) throw new PbxFailure('not_found', `Recording not found (${recordingName})`, 404);
    return { contentType: 'audio/wav', data: new TextEncoder().encode(`recording ${recordingName}`) };
  }

  async recordingIsLive(recordingName: string): Promise<boolean> {
    this.assertAvailable('recordingIsLive');
    return this.recordings.has(recordingName);
  }

  async startMusicOnHold(bridgeId: string, mohClass: string | null): Promise<void> {
    this.record('startMusicOnHold', [bridgeId, mohClass]);
  }

  /** As Asterisk: a snoop on a channel it does not have is refused; one it has is up and joins the application at once. */
  async snoop(request: SnoopRequest): Promise<OriginatedLeg> {
    const entry = this.record('snoop', [request]);
    const target = this.legs.get(request.targetLegId);
    if (!target) {
      entry.failed = true;
      throw new PbxFailure('not_found', `channel ${request.targetLegId} not found`, 404);
    }
    this.channelSequence += 1;
    const channelName = `Snoop/${request.targetLegId}-${this.channelSequence.toString(16).padStart(8, '0')}`;
    this.legs.set(request.legId, { channelName, state: 'up', ending: false });
    this.reactions.push({ type: 'leg_answered', legId: request.legId, at: this.at() });
    return { legId: request.legId, channelName, state: 'up', context: 'default' };
  }

  async setRinging(legId: string, ringing: boolean): Promise<void> {
    this.record('setRinging', [legId, ringing]);
  }

  async setMuted(legId: string, muted: boolean): Promise<void> {
    this.record('setMuted', [legId, muted]);
  }

  async snapshot(): Promise<PbxSnapshot> {
    this.assertAvailable('snapshot');
    return {
      legs: [...this.legs.entries()].map(([legId, leg]) => ({ legId, channelName: leg.channelName, state: leg.state })),
      bridges: [...this.bridges.entries()].map(([bridgeId, bridge]) => ({ bridgeId, legIds: [...bridge.legIds] })),
    };
  }

  async playbackState(playbackId: string): Promise<PbxPlaybackState | null> {
    this.assertAvailable('playbackState');
    return this.playbacks.get(playbackId) ?? null;
  }

  async endpoints(): Promise<PbxEndpoint[]> {
    this.assertAvailable('endpoints');
    return this.endpointList.map((endpoint) => ({ ...endpoint, channelIds: [...endpoint.channelIds] }));
  }

  async putDevice(device: PbxDevice): Promise<void> {
    this.record('putDevice', [device]);
    this.devices.set(device.resource, { ...device });
  }

  async removeDevice(resource: string): Promise<void> {
    this.record('removeDevice', [resource]);
    this.devices.delete(resource);
  }

  deviceCredential(username: string, password: string): string {
    return createHash('sha256').update(`${username}:${password}`).digest('hex');
  }

  async deviceContacts(aor: string): Promise<PbxDeviceContacts | null> {
    this.assertAvailable('deviceContacts');
    const known = this.contactsByAor.get(aor);
    return known ? { qualified: known.qualified, contacts: known.contacts.map((contact) => ({ ...contact })) } : null;
  }

  isAvailable(): boolean {
    return this.available;
  }

  onEvent(listener: (event: PbxEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Hears every command as it is sent (to check when commands are sent). */
  onCommand: ((name: PbxCommandName) => void) | null = null;

  private at(): Date {
    return this.clock.now();
  }

  private record(name: PbxCommandName, args: readonly unknown[]): PbxCommandRecord {
    this.onCommand?.(name);
    const entry: PbxCommandRecord = { name, args: structuredClone(args), failed: false };
    this.commands.push(entry);
    const failure = !this.available
      ? new PbxFailure('unavailable', 'no connection to the engine')
      : (this.nextFailures.get(name)?.shift() ?? this.standingFailures.get(name));
    if (failure) {
      entry.failed = true;
      throw failure;
    }
    return entry;
  }

  private assertAvailable(what: string): void {
    if (!this.available) throw new PbxFailure('unavailable', `no connection to the engine (${what})`);
  }
}

/** What a far end does when the gateway dials it (the vocabulary of the engine-level far ends). */
export interface ScriptedFarEnd {
  outcome: FarEndOutcome;
  /** Answered legs: keys the far end presses once answered. */
  dtmf?: string;
  /** Answered legs: the far end hangs up after answering (and pressing its keys). */
  hangsUp?: boolean;
}

/** Q.850 causes of the outcomes that end a leg, with the texts Asterisk gives them. */
const ENDING_CAUSES: Readonly<Record<'busy' | 'congestion' | 'reject', { cause: number; causeText: string }>> = {
  busy: { cause: 17, causeText: 'User busy' },
  congestion: { cause: 34, causeText: 'Circuit/channel congestion' },
  reject: { cause: 21, causeText: 'Call Rejected' },
};

const CAUSE_TEXTS: Readonly<Record<number, string>> = { 16: 'Normal Clearing', 17: 'User busy', 21: 'Call Rejected', 34: 'Circuit/channel congestion' };

function legEnded(legId: string, cause: number, at: Date): PbxEvent {
  return { type: 'leg_ended', legId, cause, causeText: CAUSE_TEXTS[cause] ?? 'Unknown', at };
}

function farEndEvents(legId: string, behaviour: ScriptedFarEnd, at: Date): PbxEvent[] {
  if (behaviour.outcome === 'reject') return [legEnded(legId, ENDING_CAUSES.reject.cause, at)];
  const events: PbxEvent[] = [{ type: 'leg_ringing', legId, at }];
  if (behaviour.outcome === 'noanswer') return events;
  if (behaviour.outcome === 'busy' || behaviour.outcome === 'congestion') {
    return [...events, { type: 'leg_ended', legId, ...ENDING_CAUSES[behaviour.outcome], at }];
  }
  events.push({ type: 'leg_answered', legId, at });
  for (const digit of behaviour.dtmf ?? '') events.push({ type: 'leg_dtmf', legId, digit, durationMs: 100, at });
  if (behaviour.hangsUp) events.push(legEnded(legId, 16, at));
  return events;
}

/** The scripted far ends, found by a dial string's phone resource or trunk number. */
class FarEnds {
  readonly phones = new Map<string, ScriptedFarEnd>();
  readonly numbers = new Map<string, ScriptedFarEnd>();
  others: ScriptedFarEnd | null = null;

  of(endpoint: string): ScriptedFarEnd | null {
    const resource = endpoint.slice(endpoint.indexOf('/') + 1);
    const at = resource.indexOf('@');
    if (at === -1) return this.phones.get(resource) ?? this.others;
    return this.numbers.get(resource.slice(0, at)) ?? this.others;
  }
}

/** `PJSIP/1000` → `PJSIP/1000`; `PJSIP/800123456@upc` → `PJSIP/upc` (the endpoint the call leaves by). */
function channelPrefix(endpoint: string): string {
  const slash = endpoint.indexOf('/');
  if (slash === -1) return endpoint;
  const technology = endpoint.slice(0, slash);
  const resource = endpoint.slice(slash + 1);
  const at = resource.indexOf('@');
  return `${technology}/${at === -1 ? resource : resource.slice(at + 1)}`;
}

function describeCommand(command: PbxCommandRecord): string {
  const [a, b] = command.args;
  switch (command.name) {
    case 'originate': {
      const request = a as OriginateRequest;
      return `originate ${request.legId} ${request.endpoint}`;
    }
    case 'play': {
      const request = a as PlayRequest;
      const target = request.target.kind === 'leg' ? `leg:${request.target.legId}` : `bridge:${request.target.bridgeId}`;
      return `play ${request.playbackId} ${target} ${request.media}${request.offsetMs ? ` offset=${request.offsetMs}` : ''}`;
    }
    case 'recordBridge': {
      const request = a as RecordRequest;
      return `recordBridge ${request.bridgeId} ${request.recordingName}.${request.format}`;
    }
    case 'addToBridge':
      return `addToBridge ${String(a)} ${(b as string[]).join(',')}`;
    case 'snoop': {
      const request = a as SnoopRequest;
      return `snoop ${request.legId} on ${request.targetLegId} spy=${request.spy} whisper=${request.whisper}`;
    }
    case 'setRinging':
      return `setRinging ${String(a)} ${b ? 'on' : 'off'}`;
    case 'setMuted':
      return `setMuted ${String(a)} ${b ? 'on' : 'off'}`;
    default:
      return [command.name, ...command.args.map((arg) => String(arg))].join(' ');
  }
}

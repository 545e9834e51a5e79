import type {
  PbxDevice,
  BridgeKind,
  HangupReason,
  OriginatedLeg,
  OriginateRequest,
  Pbx,
  PbxEndpoint,
  PbxDeviceContacts,
  PbxEvent,
  PbxPlaybackState,
  PbxSnapshot,
  PlaybackOperation,
  PlayRequest,
  RecordRequest,
  SnoopRequest,
} from '@pbx-gateway/core';
import { AriEventTranslator } from './ari-event-translation';
import { isRecord } from './ari-models';
import type { AriCallOptions, AriOperation, AriParams, AriRestCall } from './ari-operations';
import { resolveAriPbxOptions } from './ari-pbx-options';
import type { AriPbxOptions } from './ari-pbx-options';
import { addToBridge, destroyBridge, ensureBridge, removeFromBridge, startMusicOnHold } from './commands/bridges';
import { sendDtmf } from './commands/dtmf';
import { hangup } from './commands/hangup';
import { originate } from './commands/originate';
import { controlPlayback, getPlaybackState, play, stopPlayback } from './commands/playback';
import { moveStoredRecording, pauseRecording, recordBridge, recordingIsLive, resumeRecording, stopRecording } from './commands/recording';
import { storedRecordingFile } from './commands/stored-recording-file';
import { setRinging } from './commands/ringing';
import { setMuted } from './commands/mute';
import { answer, setMusicOnHold } from './commands/holding';
import { snoop } from './commands/snoop';
import { endpoints, snapshot } from './commands/snapshot';
import { deviceContacts } from './commands/device-contacts';
import { deviceCredential, putDevice, removeDevice } from './commands/devices';
import { ConnectionSupervisor } from './connection-supervisor';
import { ContactRoundTrips, devicesApplication } from './contact-round-trips';
import { OrderedEventDispatcher } from './event-dispatch';

/** The Pbx port over Asterisk ARI, plus the life cycle of its connection. */
export interface AriPbx extends Pbx {
  /**
   * Starts connecting in the background. Resolves once connected the first
   * time, or once the first attempt failed, or after a bounded wait
   * (2 × requestTimeoutMs); never rejects. Reconnection goes on by itself.
   */
  start(): Promise<void>;
  /** Closes the connection and stops reconnecting. */
  stop(): Promise<void>;
  /** A session is up: the API description loaded and the event WebSocket open. */
  readonly connected: boolean;
}

export function createAriPbx(options: AriPbxOptions): AriPbx {
  const settings = resolveAriPbxOptions(options);
  const { logger } = settings;
  const dispatcher = new OrderedEventDispatcher(logger);
  const translator = new AriEventTranslator();
  const roundTrips = new ContactRoundTrips();
  const devicesApp = devicesApplication(settings.app);

  const supervisor = new ConnectionSupervisor(
    settings,
    {
      connected: () => dispatcher.emit({ type: 'pbx_connected', at: new Date() }),
      disconnected: () => dispatcher.emit({ type: 'pbx_disconnected', at: new Date() }),
      message: (message) => {
        if (isRecord(message) && message.application === devicesApp) {
          roundTrips.note(message);
          return;
        }
        let events: PbxEvent[];
        try {
          events = translator.translate(message);
        } catch (error) {
          logger.warn('pbx-ari: could not translate an engine event', {
            error: error instanceof Error ? error.message : String(error),
          });
          return;
        }
        for (const event of events) dispatcher.emit(event);
      },
    },
  );

  // Every command goes through the session that is up now, or fails at once.
  const call: AriRestCall = (operation: AriOperation, params: AriParams, callOptions?: AriCallOptions) => {
    try {
      return supervisor.currentSession(operation).call(operation, params, callOptions);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    start: () => supervisor.start(),
    stop: () => supervisor.stop(),
    get connected() {
      return supervisor.connected;
    },
    isAvailable: () => supervisor.connected,
    onEvent: (listener: (event: PbxEvent) => void) => dispatcher.subscribe(listener),

    originate: (request: OriginateRequest): Promise<OriginatedLeg> => originate(call, settings.app, request),
    hangup: (legId: string, reason?: HangupReason) => {
      // Noted before the request: the events it causes may beat its answer.
      translator.hangupRequested(legId, reason ?? 'normal');
      return hangup(call, legId, reason);
    },
    ensureBridge: (bridgeId: string, kind: BridgeKind) => ensureBridge(call, options.app, bridgeId, kind),
    destroyBridge: (bridgeId: string) => destroyBridge(call, bridgeId),
    addToBridge: (bridgeId: string, legIds: readonly string[]) => addToBridge(call, bridgeId, legIds),
    removeFromBridge: (bridgeId: string, legId: string) => removeFromBridge(call, bridgeId, legId),
    startMusicOnHold: (bridgeId: string, mohClass: string | null) => startMusicOnHold(call, bridgeId, mohClass),
    play: (request: PlayRequest) => play(call, request),
    controlPlayback: (playbackId: string, operation: PlaybackOperation) => controlPlayback(call, playbackId, operation),
    stopPlayback: (playbackId: string) => stopPlayback(call, playbackId),
    sendDtmf: (legId: string, digits: string, dtmfOptions?: { betweenMs?: number; durationMs?: number }) =>
      sendDtmf(call, legId, digits, dtmfOptions),
    recordBridge: (request: RecordRequest) => recordBridge(call, request),
    stopRecording: (recordingName: string) => stopRecording(call, recordingName),
    pauseRecording: (recordingName: string) => pauseRecording(call, recordingName),
    resumeRecording: (recordingName: string) => resumeRecording(call, recordingName),
    recordingIsLive: (recordingName: string) => recordingIsLive(call, recordingName),
    moveStoredRecording: (from: string, to: string) => moveStoredRecording(call, from, to),
    storedRecordingFile: (recordingName: string) => storedRecordingFile(settings, recordingName),
    snoop: (request: SnoopRequest): Promise<OriginatedLeg> => snoop(call, settings.app, request),
    setRinging: (legId: string, ringing: boolean) => setRinging(call, legId, ringing),
    setMuted: (legId: string, muted: boolean) => setMuted(call, legId, muted),
    answer: (legId: string) => answer(call, legId),
    setMusicOnHold: (legId: string, mohClass: string | null) => setMusicOnHold(call, legId, mohClass),
    snapshot: (): Promise<PbxSnapshot> => snapshot(call),
    playbackState: (playbackId: string): Promise<PbxPlaybackState | null> => getPlaybackState(call, playbackId),
    endpoints: (): Promise<PbxEndpoint[]> => endpoints(call),
    deviceContacts: (aor: string): Promise<PbxDeviceContacts | null> => deviceContacts(call, aor, (contactAor, uri) => roundTrips.of(contactAor, uri)),
    putDevice: (device: PbxDevice) => putDevice(call, device),
    removeDevice: (resource: string) => removeDevice(call, resource),
    deviceCredential,
  };
}

import type { HangupReason, PbxEvent } from '@pbx-gateway/core';
import { isRecord, readChannel, readLiveRecording, readPlayback } from './ari-models';
import type { AriChannel } from './ari-models';
import { isHelperChannel, isSnoopChannel } from './channel-relevance';
import { causeOfDialStatus, causeOfHangupReason, hangupCause } from './hangup-causes';
import type { HangupCause } from './hangup-causes';
import { isOriginatedLeg } from './leg-origin-marker';

/**
 * Translates the events of the Stasis application into the core's PbxEvents.
 *
 * | ARI event                                         | PbxEvent                        |
 * |---------------------------------------------------|---------------------------------|
 * | StasisStart, args start with our marker           | leg_answered                    |
 * | StasisStart, any other channel                    | leg_arrived (with the args)     |
 * | ChannelStateChange to `Ringing`                   | leg_ringing                     |
 * | ChannelDestroyed                                  | leg_ended (cause, cause_txt)    |
 * | StasisEnd of a leg that arrived by itself, or of  | leg_ended (see below)           |
 * |   a snoop leg                                     |                                 |
 * | ChannelDtmfReceived                               | leg_dtmf                        |
 * | PlaybackStarted                                   | playback_started                |
 * | PlaybackFinished                                  | playback_finished (done/failed) |
 * | RecordingStarted / RecordingFinished              | recording_started / _finished   |
 * | RecordingFailed                                   | recording_failed (cause)        |
 *
 * Why StasisEnd for arrived legs: an application receives a channel's events
 * while something subscribes it to the channel. An originate into the
 * application subscribes it for the channel's whole life, so an originated
 * leg's ChannelDestroyed always arrives. A channel the dialplan sent to
 * Stasis is subscribed only while it is in Stasis: hung up there, it leaves
 * (StasisEnd) and its ChannelDestroyed goes to nobody. Its end is therefore
 * taken from StasisEnd, with the cause of the ChannelHangupRequest before it
 * when the far end hung up, or the cause of the reason the gateway asked for
 * when it hung up itself (Asterisk's own request then reads cause 32 with
 * `soft: true`, which is a flag, not a Q.850 cause). Whichever request
 * Asterisk published first tells who ended the leg: a hard one (the far end)
 * before any soft one marks the leg_ended `byParty`, even when the gateway's
 * own hang-up crossed it. A snoop channel is
 * likewise subscribed only while in Stasis, even when the gateway created it.
 *
 * Events of helper channels (the `;2` half of a Local pair, announcers,
 * recorders) are dropped, see channel-relevance.ts. Everything else is not
 * used by the core and not translated.
 */
export class AriEventTranslator {
  private readonly channels = new Map<string, ChannelNotes>();

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly maxRemembered = 20_000,
  ) {}

  /** The gateway is about to hang `legId` up for `reason`: the cause it will end with. */
  hangupRequested(legId: string, reason: HangupReason): void {
    this.notes(legId).requested = causeOfHangupReason(reason);
  }

  translate(message: unknown): PbxEvent[] {
    if (!isRecord(message) || typeof message.type !== 'string') return [];
    const at = this.eventTime(message.timestamp);
    switch (message.type) {
      case 'StasisStart':
        return this.stasisStart(readChannel(message.channel), message.args, at);
      case 'StasisEnd':
        return this.stasisEnd(readChannel(message.channel), at);
      case 'ChannelStateChange':
        return this.forLeg(message, (channel) =>
          channel.state === 'Ringing' ? [{ type: 'leg_ringing', legId: channel.id, at }] : [],
        );
      case 'ChannelHangupRequest':
        this.rememberHangupRequest(message);
        return [];
      case 'ChannelDestroyed':
        return this.channelDestroyed(message, at);
      case 'ChannelDtmfReceived':
        return this.forLeg(message, (channel) => {
          const digit = message.digit;
          if (typeof digit !== 'string' || digit === '') return [];
          const durationMs = typeof message.duration_ms === 'number' ? message.duration_ms : 0;
          return [{ type: 'leg_dtmf', legId: channel.id, digit, durationMs, at }];
        });
      case 'Dial':
        this.rememberDialStatus(message);
        return [];
      case 'PlaybackStarted': {
        const playback = readPlayback(message.playback);
        return [{ type: 'playback_started', playbackId: playback.id, at }];
      }
      case 'PlaybackFinished': {
        const playback = readPlayback(message.playback);
        const outcome = playback.state === 'failed' ? 'failed' : 'done';
        return [{ type: 'playback_finished', playbackId: playback.id, outcome, at }];
      }
      case 'RecordingStarted':
        return [{ type: 'recording_started', recordingName: readLiveRecording(message.recording).name, at }];
      case 'RecordingFinished': {
        const recording = readLiveRecording(message.recording);
        return [{ type: 'recording_finished', recordingName: recording.name, durationSec: recording.duration, at }];
      }
      case 'RecordingFailed': {
        const recording = readLiveRecording(message.recording);
        return [{ type: 'recording_failed', recordingName: recording.name, cause: recording.cause, at }];
      }
      default:
        return [];
    }
  }

  private stasisStart(channel: AriChannel, rawArgs: unknown, at: Date): PbxEvent[] {
    const notes = this.notes(channel.id);
    notes.inStasis = true;
    if (isHelperChannel(channel.name, true)) return [];
    const args = Array.isArray(rawArgs) ? rawArgs.filter((a): a is string => typeof a === 'string') : [];
    if (isOriginatedLeg(args)) {
      notes.originated = true;
      return [{ type: 'leg_answered', legId: channel.id, at }];
    }
    return [
      {
        type: 'leg_arrived',
        legId: channel.id,
        channelName: channel.name,
        callerNumber: channel.callerNumber,
        callerName: channel.callerName,
        dialed: channel.exten,
        args,
        at,
      },
    ];
  }

  private stasisEnd(channel: AriChannel, at: Date): PbxEvent[] {
    const notes = this.notes(channel.id);
    const wasInStasis = notes.inStasis;
    notes.inStasis = false;
    if (isHelperChannel(channel.name, wasInStasis)) return [];
    // The originate's subscription outlives Stasis: ChannelDestroyed will say how it ended.
    // A snoop has no such subscription: its StasisEnd is the last the application hears of it.
    if (!isSnoopChannel(channel.name) && (notes.originated || originatedByDialplanData(channel))) return [];
    return this.ended(channel.id, notes, notes.hangupRequest ?? notes.requested ?? hangupCause(16), at);
  }

  private channelDestroyed(message: Record<string, unknown>, at: Date): PbxEvent[] {
    const channel = readChannel(message.channel);
    const notes = this.channels.get(channel.id) ?? blankNotes();
    this.channels.delete(channel.id);
    if (isHelperChannel(channel.name, notes.inStasis)) return [];
    let ending: HangupCause = {
      cause: typeof message.cause === 'number' ? message.cause : 0,
      causeText: typeof message.cause_txt === 'string' ? message.cause_txt : '',
    };
    // A Local leg whose far end was busy or congested is destroyed with
    // cause 0 "Unknown": the real cause goes to the `;2` half, which the core
    // never sees. The Dial event that rang the leg said what happened, so
    // that is reported instead of a cause that explains nothing.
    if (ending.cause === 0 && notes.dialStatus) ending = causeOfDialStatus(notes.dialStatus) ?? ending;
    return this.ended(channel.id, notes, ending, at);
  }

  /** One leg_ended per leg, whichever of StasisEnd and ChannelDestroyed tells it first. */
  private ended(legId: string, notes: ChannelNotes, ending: HangupCause, at: Date): PbxEvent[] {
    if (notes.ended) return [];
    notes.ended = true;
    return [{ type: 'leg_ended', legId, cause: ending.cause, causeText: ending.causeText, at, ...(notes.partyFirst ? { byParty: true } : {}) }];
  }

  private forLeg(message: Record<string, unknown>, translate: (channel: AriChannel) => PbxEvent[]): PbxEvent[] {
    const channel = readChannel(message.channel);
    const notes = this.channels.get(channel.id);
    if (isHelperChannel(channel.name, notes?.inStasis ?? false) || notes?.ended) return [];
    return translate(channel);
  }

  private rememberHangupRequest(message: Record<string, unknown>): void {
    if (!isRecord(message.channel) || typeof message.channel.id !== 'string') return;
    const notes = this.notes(message.channel.id);
    // A soft request is Asterisk acting on our DELETE (or a dial timeout); its number is a flag.
    if (message.soft === true) {
      notes.softRequested = true;
      return;
    }
    if (typeof message.cause !== 'number') return;
    notes.hangupRequest = hangupCause(message.cause);
    // The far end's request came first: whatever the gateway asked since, its party ended the leg.
    if (!notes.softRequested) notes.partyFirst = true;
  }

  private rememberDialStatus(message: Record<string, unknown>): void {
    if (!isRecord(message.peer) || typeof message.peer.id !== 'string') return;
    const status = message.dialstatus;
    if (typeof status === 'string' && status !== '') this.notes(message.peer.id).dialStatus = status;
  }

  /**
   * Notes about a channel, kept until its ChannelDestroyed. Channels whose
   * end the application never hears (a dialplan leg that left Stasis) would
   * keep theirs for ever, hence the bound: the oldest notes go first.
   */
  private notes(channelId: string): ChannelNotes {
    let notes = this.channels.get(channelId);
    if (!notes) {
      notes = blankNotes();
      this.channels.set(channelId, notes);
      if (this.channels.size > this.maxRemembered) {
        const oldest = this.channels.keys().next().value;
        if (oldest !== undefined) this.channels.delete(oldest);
      }
    }
    return notes;
  }

  private eventTime(timestamp: unknown): Date {
    if (typeof timestamp === 'string') {
      const parsed = new Date(timestamp);
      if (!Number.isNaN(parsed.getTime())) return parsed;
    }
    return this.now();
  }
}

interface ChannelNotes {
  inStasis: boolean;
  originated: boolean;
  ended: boolean;
  dialStatus: string | null;
  /** Cause of the far end's (non-soft) hangup request. */
  hangupRequest: HangupCause | null;
  /** Cause of the gateway's own hangup. */
  requested: HangupCause | null;
  /** Asterisk acted on a hang-up of the gateway's (a soft request). */
  softRequested: boolean;
  /** The far end's request reached Asterisk before any of the gateway's. */
  partyFirst: boolean;
}

const blankNotes = (): ChannelNotes => ({
  inStasis: false,
  originated: false,
  ended: false,
  dialStatus: null,
  hangupRequest: null,
  requested: null,
  softRequested: false,
  partyFirst: false,
});

/**
 * A leg originated before the gateway restarted is still recognisable: while
 * in Stasis, its dialplan location is `Stasis` with our arguments (`app,marker`).
 */
function originatedByDialplanData(channel: AriChannel): boolean {
  if (channel.appName !== 'Stasis') return false;
  return isOriginatedLeg(channel.appData.split(',').slice(1));
}

import type { JsonObject } from '../util/json';
import type { Timer } from '../util/scheduler';
import type { Bridge } from './bridge';
import type { ControlQueue } from './control-queue';
import type { DialplanRun } from './dialplan-run';
import type { OutboundCall } from './outbound-call';

export type ChannelState = 'Down' | 'Ring' | 'Ringing' | 'Up' | 'Busy';
export type Technology = 'Local' | 'PJSIP' | 'Snoop' | 'Announcer' | 'Recorder';

export interface PartyId {
  name: string;
  number: string;
}

export interface DialplanLocation {
  context: string;
  exten: string;
  priority: number;
  appName: string;
  appData: string;
}

export interface StasisMembership {
  app: string;
  /** The application shown in snapshots before Stasis ran; Asterisk restores it when Stasis returns. */
  saved: { appName: string; appData: string };
}

interface Frame {
  at: number;
  run: () => void;
}

/**
 * One simulated channel. The fields mirror what a channel snapshot shows,
 * plus what the simulated network needs to drive it.
 */
export class Channel {
  state: ChannelState;
  protocolId = '';
  caller: PartyId = { name: '', number: '' };
  connected: PartyId = { name: '', number: '' };
  accountcode = '';
  language = 'en';
  dialplan: DialplanLocation;
  readonly vars = new Map<string, string>();
  /** Variables set with report_events: shown as `channelvars` in every snapshot. */
  readonly reportedVars: string[] = [];
  hangupCause = 0;
  stasis?: StasisMembership;
  /** The other half of a Local (or media) pair, and which half this is. */
  partner?: Channel;
  half?: 1 | 2;
  /** `PJSIP/1000` for channels on a known endpoint. */
  endpoint?: string;
  bridge?: Bridge;
  /** The role given when the channel was added to its bridge (`announcer`, `participant`, ...). */
  bridgeRole?: string;
  pbx?: DialplanRun;
  /** An outgoing call still being set up (ringing, waiting for answer). */
  outbound?: OutboundCall;
  control?: ControlQueue;
  /** A channel made by POST /channels/create: what POST /channels/{id}/dial will call. */
  dialer?: { dialstring: string; call: (outbound: OutboundCall) => boolean };
  /** Keys sent out of this channel that its far end (a phone or a carrier) heard, in order. */
  heardByFarEnd = '';
  /** Timers of the far end's behaviour (ringing, answer, keys, hang-up), cancelled at teardown. */
  readonly farTimers: Timer[] = [];
  /** Snoop channels spying on this one. */
  readonly snoops = new Set<Channel>();
  snoopTarget?: Channel;
  /**
   * A snoop hung up through ARI: as on Asterisk 22 it only left its bridge and
   * its application; it lives on, unreachable by ARI commands, until its target goes.
   */
  detachedSnoop = false;
  /** True once a hang-up is under way; the channel takes no new work. */
  hangingUp = false;
  destroyed = false;
  held = false;
  /** Announcer and Recorder channels: ARI applications never hear about them. */
  internal = false;
  mutedDirections = new Set<'in' | 'out'>();
  private readonly frames: Frame[] = [];
  private pumping = false;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly technology: Technology,
    readonly creationtime: string,
    state: ChannelState,
    dialplan: DialplanLocation,
  ) {
    this.state = state;
    this.dialplan = dialplan;
  }

  get uri(): string {
    return `channel:${this.id}`;
  }

  /**
   * Frames a channel reads arrive through a queue: what was queued first is
   * seen first, and a frame can be held back (DTMF travelling across a Local
   * pair) while later signalling is already published.
   */
  enqueueFrame(frame: Frame, schedule: (ms: number, task: () => void) => void): void {
    this.frames.push(frame);
    if (!this.pumping) this.pump(schedule);
  }

  private pump(schedule: (ms: number, task: () => void) => void): void {
    const head = this.frames[0];
    if (!head) {
      this.pumping = false;
      return;
    }
    this.pumping = true;
    const wait = head.at - Date.now();
    schedule(Math.max(0, wait), () => {
      this.frames.shift();
      if (!this.destroyed) head.run();
      this.pump(schedule);
    });
  }

  snapshot(): JsonObject {
    const json: JsonObject = {
      id: this.id,
      name: this.name,
      state: this.state,
      protocol_id: this.protocolId,
      caller: { name: this.caller.name, number: this.caller.number },
      connected: { name: this.connected.name, number: this.connected.number },
      accountcode: this.accountcode,
      dialplan: {
        context: this.dialplan.context,
        exten: this.dialplan.exten,
        priority: this.dialplan.priority,
        app_name: this.dialplan.appName,
        app_data: this.dialplan.appData,
      },
      creationtime: this.creationtime,
      language: this.language,
    };
    if (this.reportedVars.length > 0) {
      const channelvars: JsonObject = {};
      for (const name of this.reportedVars) channelvars[name] = this.vars.get(name) ?? '';
      json.channelvars = channelvars;
    }
    return json;
  }
}

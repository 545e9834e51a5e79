import { asteriskTimestamp } from '../util/asterisk-time';
import { IdSource } from '../util/ids';
import { Scheduler, type Timer } from '../util/scheduler';
import { MediaCatalog } from '../media/media-catalog';
import { Network } from '../network/network';
import { Applications } from './applications';
import type { Bridge } from './bridge';
import { Channel, type ChannelState, type DialplanLocation, type Technology } from './channel';
import { EventBus } from './event-bus';
import type { Playback } from './playback';
import type { LiveRecording } from './live-recording';
import { StoredRecordings } from './stored-recordings';

export interface WorldSettings {
  media: MediaCatalog;
  network: Network;
  logger: (line: string) => void;
  /** asterisk.conf `transmit_silence`: a channel that records sends silence (see carriesAudio). */
  transmitSilence: boolean;
}

/**
 * Everything the simulated Asterisk knows: channels, bridges, playbacks,
 * recordings, applications, global variables, and the network behind it.
 * Behaviour lives in the modules beside this one; this class holds state and
 * the few services they all use.
 */
export class World {
  readonly ids = new IdSource();
  readonly scheduler: Scheduler;
  readonly apps: Applications;
  readonly events: EventBus;
  readonly channels = new Map<string, Channel>();
  readonly bridges = new Map<string, Bridge>();
  /** Several playbacks may share an id (Asterisk accepts a reused id); lookups see the oldest. */
  readonly playbacks = new Map<string, Playback[]>();
  readonly liveRecordings = new Map<string, LiveRecording>();
  readonly stored = new StoredRecordings();
  readonly globals = new Map<string, string>();
  /** `Stasis:<name>` device states set through ARI, in the order they were first set. */
  readonly deviceStates = new Map<string, string>();
  readonly media: MediaCatalog;
  readonly network: Network;
  readonly startedAt = asteriskTimestamp();
  readonly log: (line: string) => void;
  readonly transmitSilence: boolean;

  constructor(settings: WorldSettings) {
    this.log = settings.logger;
    this.transmitSilence = settings.transmitSilence;
    this.scheduler = new Scheduler((error) => this.log(`simulator task failed: ${String((error as Error)?.stack ?? error)}`));
    this.apps = new Applications(this.ids.entityId);
    this.events = new EventBus(this.apps);
    this.media = settings.media;
    this.network = settings.network;
  }

  after(ms: number, task: () => void): Timer {
    return this.scheduler.after(ms, task);
  }

  soon(task: () => void): void {
    this.scheduler.soon(task);
  }

  /** Scheduling function for channel frame queues: zero delay means "on the next turn". */
  readonly frameScheduler = (ms: number, task: () => void): void => {
    if (ms <= 0) this.scheduler.soon(task);
    else this.scheduler.after(ms, task);
  };

  /** Creates and registers a channel; ChannelCreated goes to applications subscribed to everything. */
  createChannel(options: {
    id?: string;
    name: string;
    technology: Technology;
    state: ChannelState;
    dialplan: DialplanLocation;
    endpoint?: string;
    internal?: boolean;
  }): Channel {
    const channel = new Channel(
      options.id ?? this.ids.channelId(),
      options.name,
      options.technology,
      asteriskTimestamp(),
      options.state,
      options.dialplan,
    );
    channel.endpoint = options.endpoint;
    channel.internal = options.internal === true;
    this.channels.set(channel.id, channel);
    this.events.channelEvent('ChannelCreated', channel);
    return channel;
  }

  /** Channel ids are unique across the system, including ids a client chose. */
  channelIdInUse(id: string): boolean {
    return this.channels.has(id);
  }

  findPlayback(id: string): Playback | undefined {
    return this.playbacks.get(id)?.[0];
  }

  addPlayback(playback: Playback): void {
    const list = this.playbacks.get(playback.id) ?? [];
    list.push(playback);
    this.playbacks.set(playback.id, list);
  }

  removePlayback(playback: Playback): void {
    const list = this.playbacks.get(playback.id);
    if (!list) return;
    const rest = list.filter((p) => p !== playback);
    if (rest.length === 0) this.playbacks.delete(playback.id);
    else this.playbacks.set(playback.id, rest);
  }

  close(): void {
    this.scheduler.close();
  }
}

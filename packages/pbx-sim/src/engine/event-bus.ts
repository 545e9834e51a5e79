import { asteriskTimestamp } from '../util/asterisk-time';
import type { JsonObject } from '../util/json';
import type { Applications, EventSources } from './applications';
import type { Channel } from './channel';

export interface PublishedEvent {
  at: number;
  app: string;
  event: JsonObject;
}

/**
 * Builds events with Asterisk's field order and hands them to the
 * applications. Channel-blob events (ChannelVarset, ChannelHangupRequest)
 * carry their blob fields before `type`, the way Asterisk serialises them.
 */
export class EventBus {
  constructor(private readonly apps: Applications) {}

  /** Every message sent to an application, as it went out. */
  onDelivered(listener: (published: PublishedEvent) => void): () => void {
    return this.apps.observe((app, event) => listener({ at: Date.now(), app, event }));
  }

  publish(type: string, before: JsonObject, after: JsonObject, sources: EventSources): void {
    this.apps.deliver({ ...before, type, timestamp: asteriskTimestamp(), ...after }, sources);
  }

  /** An event on one application's own topic (user events): it needs no subscription. */
  publishToApp(appName: string, type: string, after: JsonObject): boolean {
    return this.apps.deliverTo(appName, { type, timestamp: asteriskTimestamp(), ...after });
  }

  /**
   * StasisStart and StasisEnd go to the application the channel enters or
   * leaves only (res_stasis sends them on that application's own topic), not
   * to every application following the channel.
   */
  stasisEvent(appName: string, type: 'StasisStart' | 'StasisEnd', channel: Channel, after: JsonObject = {}): void {
    this.apps.deliverTo(appName, { type, timestamp: asteriskTimestamp(), ...after, channel: channel.snapshot() });
  }

  /** An event about one channel: snapshot taken now, delivered to whoever follows that channel. */
  channelEvent(type: string, channel: Channel, before: JsonObject = {}, after: JsonObject = {}, last: JsonObject = {}): void {
    if (channel.internal) return;
    this.publish(type, before, { ...after, channel: channel.snapshot(), ...last }, channelSources(channel));
  }
}

export function channelSources(channel: Channel): EventSources {
  return channel.endpoint ? { channels: [channel.id], endpoints: [channel.endpoint] } : { channels: [channel.id] };
}

import type { JsonObject } from '../util/json';

/** Where an event comes from: the objects an application can be subscribed to. */
export interface EventSources {
  channels?: readonly string[];
  bridges?: readonly string[];
  /** `technology/resource` */
  endpoints?: readonly string[];
}

/** The objects the simulator itself subscribes applications to, named as StasisApp's counts. */
export type FollowedKind = 'channels' | 'bridges';

/** The WebSocket an application currently receives its events on. */
export interface AppSession {
  send(event: JsonObject): void;
}

class RefCounts {
  private readonly counts = new Map<string, number>();
  add(id: string): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
  }
  /** Returns false when there was no subscription to drop. */
  remove(id: string): boolean {
    const n = this.counts.get(id);
    if (n === undefined) return false;
    if (n <= 1) this.counts.delete(id);
    else this.counts.set(id, n - 1);
    return true;
  }
  forget(id: string): void {
    this.counts.delete(id);
  }
  has(id: string): boolean {
    return this.counts.has(id);
  }
  get size(): number {
    return this.counts.size;
  }
  /** Asterisk keeps forwards in a container sorted by id (strcmp). */
  sorted(): string[] {
    return [...this.counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * A Stasis application. Subscriptions are reference counted like Asterisk's
 * app forwards: an originate, a StasisStart, a bridge join and an explicit
 * subscription each hold one, and events flow while any is held.
 */
export class StasisApp {
  session?: AppSession;
  subscribeAll = false;
  readonly channels = new RefCounts();
  readonly bridges = new RefCounts();
  readonly endpoints = new RefCounts();
  readonly devices = new RefCounts();
  eventsAllowed: JsonObject[] = [];
  eventsDisallowed: JsonObject[] = [];

  constructor(readonly name: string) {}

  get active(): boolean {
    return this.session !== undefined;
  }

  isInterested(sources: EventSources): boolean {
    if (this.subscribeAll) return true;
    if (sources.channels?.some((id) => this.channels.has(id))) return true;
    if (sources.bridges?.some((id) => this.bridges.has(id))) return true;
    if (sources.endpoints?.some((id) => this.endpoints.has(id) || this.endpoints.has(id.split('/')[0] ?? id))) return true;
    return false;
  }

  passesFilter(event: JsonObject): boolean {
    const matches = (filter: JsonObject): boolean =>
      Object.entries(filter).every(([key, value]) => event[key] === value);
    if (this.eventsAllowed.length > 0 && !this.eventsAllowed.some(matches)) return false;
    return !this.eventsDisallowed.some(matches);
  }

  toJson(): JsonObject {
    // subscribeAll is a subscription to each "all" topic, which Asterisk lists among the ids.
    const all = (topic: string, ids: string[]): string[] => (this.subscribeAll ? [topic, ...ids] : ids);
    return {
      name: this.name,
      channel_ids: all('__AST_CHANNEL_ALL_TOPIC', this.channels.sorted()),
      bridge_ids: all('__AST_BRIDGE_ALL_TOPIC', this.bridges.sorted()),
      endpoint_ids: all('__AST_ENDPOINT_ALL_TOPIC', this.endpoints.sorted()),
      device_names: all('__AST_DEVICE_STATE_ALL_TOPIC', this.devices.sorted()),
      events_allowed: this.eventsAllowed,
      events_disallowed: this.eventsDisallowed,
    };
  }

  /** An application with no WebSocket and nothing subscribed is forgotten, as Asterisk does. */
  get finished(): boolean {
    return !this.active && this.channels.size === 0 && this.bridges.size === 0 && this.endpoints.size === 0;
  }
}

export class Applications {
  private readonly apps = new Map<string, StasisApp>();
  private readonly observers = new Set<(app: string, event: JsonObject) => void>();

  constructor(private readonly entityId: string) {}

  /** Sees every message any application is sent (the traffic log). */
  observe(observer: (app: string, event: JsonObject) => void): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private send(app: StasisApp, event: JsonObject): void {
    app.session?.send(event);
    for (const observer of this.observers) observer(app.name, event);
  }

  get(name: string): StasisApp | undefined {
    return this.apps.get(name);
  }

  list(): StasisApp[] {
    return [...this.apps.values()];
  }

  /**
   * A WebSocket registers its applications. A second socket for the same
   * application replaces the first, which is told with ApplicationReplaced.
   */
  register(name: string, session: AppSession, subscribeAll: boolean, timestamp: string): StasisApp {
    let app = this.apps.get(name);
    if (!app) {
      app = new StasisApp(name);
      this.apps.set(name, app);
    } else if (app.session && app.session !== session) {
      this.send(app, { type: 'ApplicationReplaced', timestamp, application: name, asterisk_id: this.entityId });
    }
    app.session = session;
    app.subscribeAll = subscribeAll;
    return app;
  }

  /** The socket closed: the application stays while it still holds subscriptions, but gets no events. */
  unregister(name: string, session: AppSession): void {
    const app = this.apps.get(name);
    if (!app || app.session !== session) return;
    app.session = undefined;
    this.sweep(app);
  }

  /** Drops every WebSocket session at once (a restarted Asterisk forgets them). */
  unregisterAll(): void {
    for (const app of this.apps.values()) {
      app.session = undefined;
      this.sweep(app);
    }
  }

  /** Takes one reference on a channel or bridge for the application (a StasisStart, an originate, a bridge join). */
  subscribe(appName: string, kind: FollowedKind, id: string): void {
    this.apps.get(appName)?.[kind].add(id);
  }

  unsubscribe(appName: string, kind: FollowedKind, id: string): void {
    const app = this.apps.get(appName);
    if (!app) return;
    app[kind].remove(id);
    this.sweep(app);
  }

  /** A destroyed channel or bridge leaves every application's subscriptions. */
  forget(kind: FollowedKind, id: string): void {
    for (const app of [...this.apps.values()]) {
      app[kind].forget(id);
      this.sweep(app);
    }
  }

  /**
   * Sends one event to every interested, active application. The event
   * arrives without `asterisk_id` and `application`, which Asterisk appends
   * per application, last.
   */
  deliver(event: JsonObject, sources: EventSources): void {
    for (const app of this.apps.values()) {
      if (!app.session || !app.isInterested(sources) || !app.passesFilter(event)) continue;
      this.send(app, { ...event, asterisk_id: this.entityId, application: app.name });
    }
  }

  /**
   * DeviceStateChanged to every application subscribed to the device (or to
   * everything). Asterisk serialises this one with `application` second.
   */
  deliverDeviceState(device: string, deviceState: JsonObject, timestamp: string): void {
    for (const app of this.apps.values()) {
      if (!app.session || !(app.subscribeAll || app.devices.has(device))) continue;
      const event: JsonObject = { type: 'DeviceStateChanged', application: app.name, timestamp, device_state: deviceState, asterisk_id: this.entityId };
      if (app.passesFilter(event)) this.send(app, event);
    }
  }

  /** A message on one application's own topic (user events). */
  deliverTo(appName: string, event: JsonObject): boolean {
    const app = this.apps.get(appName);
    if (!app?.session) return false;
    if (!app.passesFilter(event)) return true;
    this.send(app, { ...event, asterisk_id: this.entityId, application: app.name });
    return true;
  }

  private sweep(app: StasisApp): void {
    if (app.finished) this.apps.delete(app.name);
  }
}

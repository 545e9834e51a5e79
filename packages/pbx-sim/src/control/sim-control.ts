import { createHash, randomBytes } from 'node:crypto';
import { answerFromFarEnd } from '../engine/pjsip-far-end';
import { bridgeMediaChannels } from '../engine/bridge-media';
import { receiveDtmf } from '../engine/dtmf';
import { forgetChannel, requestHangup } from '../engine/hangup';
import { DialplanRun } from '../engine/dialplan-run';
import { enterStasis } from '../engine/stasis';
import type { World } from '../engine/world';
import type { LoggedEvent, LoggedRequest, TrafficLog } from '../http/traffic-log';
import type { NumberRule, PhoneConfig } from '../options';
import type { Phone } from '../network/network';
import type { PhoneRegistration } from '../network/contacts';
import type { JsonObject } from '../util/json';

/** The registration's lifetime the project's AORs grant a phone asking for none (default_expiration). */
const REGISTRATION_EXPIRES_SEC = 3600;
/** The round trip the simulated network reports for a qualify (loopback, as measured on the test machines: about 1.5 ms). */
const SIM_QUALIFY_ROUNDTRIP_USEC = 1500;

/**
 * Whether the endpoint's auth takes the password: its plain password, or its
 * digest (`MD5:` of user:realm:password, realm `asterisk` unless it names one).
 */
function passwordAccepted(world: World, resource: string, password: string | undefined): boolean {
  const endpoint = new Map(world.network.objects.get('endpoint', resource) ?? []);
  const auth = new Map(world.network.objects.get('auth', endpoint.get('auth') ?? '') ?? []);
  if (password === undefined || auth.size === 0) return false;
  if ((auth.get('password') ?? '') !== '') return auth.get('password') === password;
  const digest = auth.get('password_digest') ?? '';
  const realm = auth.get('realm') || 'asterisk';
  return digest.toLowerCase() === `md5:${createHash('md5').update(`${auth.get('username') ?? ''}:${realm}:${password}`).digest('hex')}`;
}

export class SimControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface PlaceCallRequest {
  /** A phone resource (`1000`) or, through a trunk, an external number. */
  from: string;
  /** The extension dialled; it becomes the channel's exten. */
  to: string;
  /** Stasis application the dialplan sends the call to. */
  app: string;
  appArgs?: string;
  /** Trunk the external number calls in through (default `trunk`). */
  trunk?: string;
  callerName?: string;
}

/** What the HTTP server offers the control API: connection-level faults. */
export interface ConnectionFaults {
  dropWebSockets(): number;
  refuseConnections(ms: number, mode: 'refuse' | 'reset'): Promise<void>;
  setKeepAliveTimeout(ms: number): void;
}

const DEFAULT_KEY_MS = 100;
const DEFAULT_GAP_MS = 100;

/**
 * The simulator's control API: what a test does to the network around
 * Asterisk (the far ends of calls, phones, numbers, media, the connection)
 * rather than through ARI. The same operations are served under /sim.
 */
export class SimControl {
  constructor(
    private readonly world: World,
    private readonly traffic: TrafficLog,
    private readonly faults: ConnectionFaults,
  ) {}

  private channel(channelId: string) {
    const channel = this.world.channels.get(channelId);
    if (!channel || channel.destroyed) throw new SimControlError(404, `no channel ${channelId}`);
    return channel;
  }

  /** The far end presses DTMF keys: ChannelDtmfReceived on the channel, one per key. */
  async pressDtmf(channelId: string, digits: string, options: { durationMs?: number; gapMs?: number } = {}): Promise<void> {
    const channel = this.channel(channelId);
    const duration = options.durationMs ?? DEFAULT_KEY_MS;
    const gap = options.gapMs ?? DEFAULT_GAP_MS;
    if (!/^[0-9A-Da-d*#]+$/.test(digits)) throw new SimControlError(400, `invalid DTMF digits ${digits}`);
    let at = 0;
    for (const key of digits.toUpperCase()) {
      at += duration;
      channel.farTimers.push(this.world.after(at, () => receiveDtmf(this.world, channel, key, duration)));
      at += gap;
    }
  }

  /** The keys the far end of a phone or trunk channel has heard from it so far. */
  async heardDtmf(channelId: string): Promise<{ digits: string }> {
    return { digits: this.channel(channelId).heardByFarEnd };
  }

  /** A phone waiting for a manual answer (or any ringing outgoing call) picks up. */
  async answer(channelId: string): Promise<void> {
    const channel = this.channel(channelId);
    if (!answerFromFarEnd(this.world, channel)) throw new SimControlError(409, `channel ${channelId} is not ringing out`);
  }

  /** The far end hangs up (BYE, or a final response while ringing) with a Q.850 cause. */
  async hangup(channelId: string, cause = 16): Promise<void> {
    const channel = this.channel(channelId);
    if (channel.outbound) channel.outbound.failedByFarEnd(cause);
    else requestHangup(this.world, channel, { kind: 'remote', cause });
  }

  /**
   * A call arrives from a phone or a trunk and the dialplan sends it to a
   * Stasis application. The application sees StasisStart (state Ring) and
   * nothing before it, as with any call entering Stasis from the dialplan.
   */
  async placeCall(request: PlaceCallRequest): Promise<{ channelId: string }> {
    const phone = this.world.network.phone(request.from);
    if (phone && !phone.registered) throw new SimControlError(409, `phone ${request.from} is not registered`);
    const endpointName = phone ? phone.resource : (request.trunk ?? 'trunk');
    const channel = this.world.createChannel({
      name: `PJSIP/${endpointName}-${this.world.ids.nameSequence('PJSIP')}`,
      technology: 'PJSIP',
      state: 'Ring',
      dialplan: { context: phone?.context ?? 'default', exten: request.to, priority: 1, appName: '', appData: '' },
      endpoint: `PJSIP/${endpointName}`,
    });
    channel.protocolId = this.world.ids.sipCallId();
    channel.caller = { name: request.callerName ?? phone?.callerName ?? '', number: request.from };
    // The call runs dialplan (it reached Stasis from there), so `continue` has a PBX to go back to.
    channel.pbx = new DialplanRun(this.world, channel, channel.dialplan.context, request.to);
    if (!enterStasis(this.world, channel, request.app, request.appArgs, 'dialplan')) {
      requestHangup(this.world, channel, { kind: 'silent', cause: 16 });
      throw new SimControlError(409, `application ${request.app} is not registered`);
    }
    return { channelId: channel.id };
  }

  /**
   * The phone registers. With `from`, it sent a REGISTER of its own from that
   * address (its contact then comes first, as on Asterisk); without, the
   * configured contact reaches it. A phone created through ARI has no
   * configured contact: it registers itself, with the password its auth
   * checks (a wrong one is refused, as Asterisk answers 401 again).
   */
  async registerPhone(resource: string, from?: PhoneRegistration & { password?: string }): Promise<void> {
    const phone = this.world.network.phone(resource);
    if (phone?.runtime) {
      if (!from) throw new SimControlError(400, `phone ${resource} has no configured contact: it registers from an address of its own`);
      if (!passwordAccepted(this.world, resource, from.password)) throw new SimControlError(403, `registration of ${resource} refused: wrong user name or password`);
    }
    if (from) {
      if (!phone) throw new SimControlError(404, `no phone ${resource}`);
      if (typeof from.host !== 'string' || !Number.isInteger(from.port) || from.port <= 0 || from.port > 65535) {
        throw new SimControlError(400, 'a registration needs host (string) and port (1-65535)');
      }
      phone.registration = {
        host: from.host,
        port: from.port,
        userAgent: typeof from.userAgent === 'string' ? from.userAgent : '',
        callId: randomBytes(8).toString('hex'),
        expirationTime: Math.floor(Date.now() / 1000) + REGISTRATION_EXPIRES_SEC,
      };
    }
    this.setRegistration(resource, true);
    // Asterisk 22 creates the contact unqualified, then qualifies it at once (measured: both events within a millisecond).
    if (from) {
      const uri = `sip:${resource}@${from.host}:${from.port}`;
      this.contactStatus(resource, uri, 'NonQualified', '0');
      this.contactStatus(resource, uri, 'Reachable', String(SIM_QUALIFY_ROUNDTRIP_USEC));
    }
  }

  /** ContactStatusChange, to applications subscribed to the endpoint (or to all of its technology). */
  private contactStatus(resource: string, uri: string, status: 'NonQualified' | 'Reachable' | 'Removed', roundtripUsec: string): void {
    const phone = this.world.network.phone(resource);
    this.world.events.publish(
      'ContactStatusChange',
      {},
      {
        endpoint: { technology: 'PJSIP', resource, state: phone?.registered ? 'online' : 'offline', channel_ids: this.channelsOn(`PJSIP/${resource}`) },
        contact_info: { uri, contact_status: status, aor: resource, roundtrip_usec: roundtripUsec },
      },
      { endpoints: [`PJSIP/${resource}`] },
    );
  }

  /** The phone removes its own registration; the configured contact still reaches it. */
  async dropRegistration(resource: string): Promise<void> {
    const phone = this.world.network.phone(resource);
    if (!phone) throw new SimControlError(404, `no phone ${resource}`);
    const registration = phone.registration;
    if (!registration) return;
    delete phone.registration;
    this.contactStatus(resource, `sip:${resource}@${registration.host}:${registration.port}`, 'Removed', '0');
    // Nothing else reaches a phone created at runtime.
    if (phone.runtime) this.setRegistration(resource, false);
  }

  async unregisterPhone(resource: string): Promise<void> {
    if (this.world.network.phone(resource)?.registration) await this.dropRegistration(resource);
    this.setRegistration(resource, false);
  }

  private setRegistration(resource: string, registered: boolean): void {
    const phone = this.world.network.phone(resource);
    if (!phone) throw new SimControlError(404, `no phone ${resource}`);
    if (phone.registered === registered) return;
    phone.registered = registered;
    this.world.events.publish(
      'EndpointStateChange',
      {},
      { endpoint: { technology: 'PJSIP', resource, state: registered ? 'online' : 'offline', channel_ids: this.channelsOn(`PJSIP/${resource}`) } },
      { endpoints: [`PJSIP/${resource}`] },
    );
  }

  private channelsOn(endpoint: string): string[] {
    return [...this.world.channels.values()].filter((c) => !c.destroyed && c.endpoint === endpoint).map((c) => c.id);
  }

  /** Adds a phone or changes one (fields left out keep their value). */
  async setPhone(config: PhoneConfig): Promise<Phone> {
    if (typeof config.resource !== 'string' || config.resource === '') throw new SimControlError(400, 'phone needs a resource');
    return { ...this.world.network.upsertPhone(config) };
  }

  async listPhones(): Promise<Phone[]> {
    return this.world.network.listPhones().map((p) => ({ ...p }));
  }

  async setNumberRules(rules: NumberRule[]): Promise<void> {
    try {
      this.world.network.setRules(rules);
    } catch (error) {
      throw new SimControlError(400, (error as Error).message);
    }
  }

  async getNumberRules(): Promise<NumberRule[]> {
    return this.world.network.getRules();
  }

  /** Replaces the sound catalog (sound id → length in ms). */
  async setMedia(media: Record<string, number>): Promise<void> {
    for (const [id, ms] of Object.entries(media)) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw new SimControlError(400, `invalid length for ${id}`);
    }
    this.world.media.replace(media);
  }

  async getMedia(): Promise<Record<string, number>> {
    return this.world.media.entries();
  }

  /** Drops every ARI WebSocket without a closing handshake; returns how many there were. */
  async dropWebSockets(): Promise<number> {
    return this.faults.dropWebSockets();
  }

  /**
   * For `ms` milliseconds the simulator behaves like a dead Asterisk: open
   * connections are cut and new ones refused (`refuse`: the port is closed)
   * or reset as soon as they connect (`reset`).
   */
  async refuseConnections(ms: number, mode: 'refuse' | 'reset' = 'refuse'): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new SimControlError(400, 'ms must be a positive number');
    if (mode !== 'refuse' && mode !== 'reset') throw new SimControlError(400, 'mode must be refuse or reset');
    await this.faults.refuseConnections(ms, mode);
  }

  async setKeepAliveTimeout(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) throw new SimControlError(400, 'timeoutMs must be a positive number');
    this.faults.setKeepAliveTimeout(ms);
  }

  /**
   * Forgets every channel, bridge, playback and live recording without a
   * single event, as if Asterisk had restarted.
   */
  async forgetCalls(): Promise<number> {
    const channels = [...this.world.channels.values()];
    for (const channel of channels) forgetChannel(this.world, channel);
    for (const bridge of this.world.bridges.values()) {
      for (const media of bridgeMediaChannels(bridge)) media.control.forget();
      this.world.apps.forget('bridges', bridge.id);
    }
    this.world.bridges.clear();
    this.world.playbacks.clear();
    this.world.liveRecordings.clear();
    return channels.length;
  }

  async listChannels(): Promise<JsonObject[]> {
    return [...this.world.channels.values()].filter((c) => !c.destroyed).map((c) => c.snapshot());
  }

  async listBridges(): Promise<JsonObject[]> {
    return [...this.world.bridges.values()].map((b) => b.snapshot());
  }

  async listPlaybacks(): Promise<JsonObject[]> {
    return [...this.world.playbacks.values()].flat().map((p) => p.json());
  }

  /** Turns the request and event log on or off (off by default). */
  async recordTraffic(enabled: boolean): Promise<void> {
    this.traffic.enabled = enabled;
  }

  async requests(): Promise<LoggedRequest[]> {
    return [...this.traffic.requests];
  }

  async events(): Promise<LoggedEvent[]> {
    return [...this.traffic.events];
  }

  async clearTraffic(): Promise<void> {
    this.traffic.clear();
  }
}

import { connect, type Client } from 'ari-client';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { sleep } from './support/ari-session';

/**
 * The real, unmodified ari-client against the simulator: it loads the served
 * API description, starts an application, and gets resource-bearing events.
 */
type EventRecord = Record<string, unknown> & { type: string };
type Listener = (event: EventRecord, instances: unknown) => void;
interface Emitter {
  on(type: string, listener: Listener): void;
  removeListener(type: string, listener: Listener): void;
}

const HELLO_MS = 300;

function nextEvent(client: Client, type: string, test: (event: EventRecord, instances: unknown) => boolean = () => true, timeoutMs = 5000) {
  const emitter = client as unknown as Emitter;
  return new Promise<{ event: EventRecord; instances: unknown; at: number }>((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.removeListener(type, listener);
      reject(new Error(`no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener: Listener = (event, instances) => {
      if (!test(event, instances)) return;
      clearTimeout(timer);
      emitter.removeListener(type, listener);
      resolve({ event, instances, at: Date.now() });
    };
    emitter.on(type, listener);
  });
}

const channelId = (event: EventRecord): unknown => (event.channel as { id?: unknown } | undefined)?.id;
const hasMethod = (instance: unknown, name: string): boolean => typeof (instance as Record<string, unknown> | undefined)?.[name] === 'function';

describe('ari-client against the simulator', () => {
  let sim: PbxSim;
  let client: Client;

  beforeAll(async () => {
    sim = await startPbxSim({
      media: { 'hello-world': HELLO_MS, beep: 100 },
      phones: [{ resource: '1000', answerAfterMs: 50 }, { resource: '1001', answerAfterMs: 50 }],
      numberRules: [{ match: '.*', outcome: 'answer', ringMs: 50 }],
    });
    client = await connect(sim.url, 'gateway', 'gateway');
    await client.start('gw-test');
  });

  afterAll(async () => {
    client.stop();
    await sim.close();
  });

  it('loads every resource of the served description', () => {
    for (const resource of ['asterisk', 'applications', 'channels', 'bridges', 'playbacks', 'recordings', 'endpoints', 'sounds']) {
      expect(typeof (client as unknown as Record<string, unknown>)[resource]).toBe('object');
    }
    expect(hasMethod(client.channels, 'originate')).toBe(true);
    expect(hasMethod(client.bridges, 'addChannel')).toBe(true);
  });

  it('originates to a phone and to an external number, with resource-bearing events', async () => {
    const phoneStart = nextEvent(client, 'StasisStart', (e) => channelId(e) === 'cli-phone');
    const up = nextEvent(client, 'ChannelStateChange', (e) => channelId(e) === 'cli-phone' && (e.channel as { state?: string }).state === 'Up');
    const phone = await client.channels.originate({ endpoint: 'PJSIP/1000', app: 'gw-test', channelId: 'cli-phone' });
    expect(phone.id).toBe('cli-phone');
    expect(hasMethod(phone, 'hangup')).toBe(true);
    const started = await phoneStart;
    expect(hasMethod(started.instances, 'answer')).toBe(true);
    expect((started.instances as { id: string }).id).toBe('cli-phone');
    expect(hasMethod((await up).instances, 'play')).toBe(true);

    const trunkStart = nextEvent(client, 'StasisStart', (e) => channelId(e) === 'cli-trunk');
    await client.channels.originate({ endpoint: 'PJSIP/5551234@trunk', app: 'gw-test', channelId: 'cli-trunk' });
    const trunk = await trunkStart;
    expect((trunk.event.channel as { name: string }).name).toMatch(/^PJSIP\/trunk-[0-9a-f]{8}$/);
  });

  it('plays with a chosen playback id, finishing after the media length, and controls it', async () => {
    const started = nextEvent(client, 'PlaybackStarted', (e) => (e.playback as { id: string }).id === 'cli-pb');
    const finished = nextEvent(client, 'PlaybackFinished', (e) => (e.playback as { id: string }).id === 'cli-pb');
    const playback = client.Playback('cli-pb');
    const channel = client.Channel('cli-phone');
    await channel.play({ media: 'sound:hello-world' }, playback);
    const start = await started;
    expect(hasMethod(start.instances, 'control')).toBe(true);
    const end = await finished;
    expect(end.event.playback).toMatchObject({ id: 'cli-pb', state: 'done', target_uri: 'channel:cli-phone' });
    expect(end.at - start.at).toBeGreaterThanOrEqual(HELLO_MS - 20);
    // Generous above: a loaded machine delays timers, never fires them early.
    expect(end.at - start.at).toBeLessThan(HELLO_MS + 1000);

    const second = nextEvent(client, 'PlaybackStarted', (e) => (e.playback as { id: string }).id === 'cli-pb2');
    await client.channels.play({ channelId: 'cli-phone', media: 'sound:hello-world', playbackId: 'cli-pb2' });
    await second;
    await client.playbacks.control({ playbackId: 'cli-pb2', operation: 'pause' });
    expect((await client.playbacks.get({ playbackId: 'cli-pb2' })).state).toBe('paused');
    const resumed = nextEvent(client, 'PlaybackStarted', (e) => (e.playback as { id: string }).id === 'cli-pb2');
    await client.playbacks.control({ playbackId: 'cli-pb2', operation: 'unpause' });
    await resumed;
    const stopped = nextEvent(client, 'PlaybackFinished', (e) => (e.playback as { id: string }).id === 'cli-pb2');
    await client.playbacks.stop({ playbackId: 'cli-pb2' });
    expect((await stopped).event.playback).toMatchObject({ state: 'done' });
    await expect(client.playbacks.get({ playbackId: 'cli-pb2' })).rejects.toThrow(/Playback not found/);
  });

  it('creates a bridge and adds channels', async () => {
    const bridge = await client.bridges.create({ type: 'mixing', name: 'cli-bridge' });
    const entered = nextEvent(client, 'ChannelEnteredBridge', (e) => channelId(e) === 'cli-trunk');
    await bridge.addChannel({ channel: ['cli-phone', 'cli-trunk'] });
    const { instances } = await entered;
    const resources = instances as { bridge?: unknown; channel?: unknown };
    expect(hasMethod(resources.bridge, 'play')).toBe(true);
    expect(hasMethod(resources.channel, 'hangup')).toBe(true);
    const fetched = await client.bridges.get({ bridgeId: bridge.id });
    expect(fetched.channels).toEqual(['cli-phone', 'cli-trunk']);
    expect(fetched.technology).toBe('simple_bridge');
    await bridge.destroy();
  });

  it('reports a hang-up as ChannelDestroyed with the channel resource', async () => {
    const destroyed = nextEvent(client, 'ChannelDestroyed', (e) => channelId(e) === 'cli-trunk');
    await client.channels.hangup({ channelId: 'cli-trunk' });
    const { event, instances } = await destroyed;
    expect(event).toMatchObject({ cause: 16, cause_txt: 'Normal Clearing' });
    expect(hasMethod(instances, 'originate')).toBe(true);
  });

  it('reconnects after the simulator drops its WebSocket, and events flow again', async () => {
    const reconnected = nextEvent(client, 'WebSocketConnected', () => true, 8000);
    expect(await sim.control.dropWebSockets()).toBe(1);
    await reconnected;
    await sleep(50);
    const start = nextEvent(client, 'StasisStart', (e) => channelId(e) === 'cli-after');
    await client.channels.originate({ endpoint: 'PJSIP/1001', app: 'gw-test', channelId: 'cli-after' });
    expect(channelId((await start).event)).toBe('cli-after');
    await client.channels.hangup({ channelId: 'cli-after' });
    await client.channels.hangup({ channelId: 'cli-phone' });
  });
});

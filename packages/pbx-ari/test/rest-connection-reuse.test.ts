import { createServer, Socket } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { startPbxSim } from '@pbx-gateway/pbx-sim';
import type { PbxSim } from '@pbx-gateway/pbx-sim';
import { startTcpProxy } from '@pbx-gateway/test-support';
import type { TcpProxy } from '@pbx-gateway/test-support';
import { createAriPbx } from '../src';
import type { AriPbx, AriPbxOptions } from '../src';
import { APP, ARI_PASSWORD, ARI_USER, CONNECT_WAIT_MS, connectedWithin, EventLog, RequestLedger, sleep } from './support/sim-harness';

/**
 * REST connections to the engine are kept for the next request while they
 * are young (restKeepAliveMs), let go before the engine would close them,
 * and a request the engine dropped with an idle connection is sent again.
 */
// The fidelity tier checks every request the simulators received against Asterisk's own ARI description (ari-requests.fidelity.test.ts).
export const ledger = new RequestLedger();
const REQUESTS = 30;

let sim: PbxSim;

beforeEach(async () => {
  sim = await startPbxSim({ recordTraffic: true });
});

afterEach(async () => {
  await ledger.collect(sim);
  await sim.close();
});

async function connectThrough(url: string, options: Partial<AriPbxOptions> = {}): Promise<{ pbx: AriPbx; log: EventLog }> {
  const pbx = createAriPbx({ url, user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs: 3000, ...options });
  const log = new EventLog();
  pbx.onEvent(log.listener);
  await pbx.start();
  if (!(await connectedWithin(pbx, CONNECT_WAIT_MS))) {
    // Stopped here, as the caller's finally never sees it: left running, it would reconnect into the next test files.
    await pbx.stop();
    throw new Error('the adapter did not connect to the simulator');
  }
  return { pbx, log };
}

/** Requests one after the other, each answered; resolves to how many connections the proxy saw meanwhile. */
async function connectionsFor(proxy: TcpProxy, pbx: AriPbx, requests: number): Promise<number> {
  const before = proxy.accepted;
  for (let i = 0; i < requests; i += 1) await pbx.hangup(`no-such-leg-${i}`);
  return proxy.accepted - before;
}

describe('REST connections to the engine', () => {
  it('carry one request after the other while they are busy', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: sim.port });
    const { pbx } = await connectThrough(proxy.rewrite(sim.url));
    try {
      expect(await connectionsFor(proxy, pbx, REQUESTS)).toBeLessThanOrEqual(1);
    } finally {
      await pbx.stop();
      await proxy.close();
    }
  });

  it('are let go once idle for restKeepAliveMs, before the engine closes them', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: sim.port });
    // The engine keeps idle connections 15 s (Asterisk's default); the gateway, 200 ms.
    const { pbx } = await connectThrough(proxy.rewrite(sim.url), { restKeepAliveMs: 200 });
    try {
      await pbx.hangup('warm-up');
      await sleep(600);
      expect(await connectionsFor(proxy, pbx, 1)).toBe(1);
    } finally {
      await pbx.stop();
      await proxy.close();
    }
  });

  it('are one per request with keep-alive off (restKeepAliveMs 0)', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: sim.port });
    const { pbx } = await connectThrough(proxy.rewrite(sim.url), { restKeepAliveMs: 0 });
    try {
      expect(await connectionsFor(proxy, pbx, 5)).toBe(5);
    } finally {
      await pbx.stop();
      await proxy.close();
    }
  });

  it('dropped by the engine as a request went out: the request, even one not safe to repeat, is sent once more on a new connection', async () => {
    const dropping = await startDroppingProxy(new URL(sim.url));
    const { pbx, log } = await connectThrough(dropping.url);
    try {
      await pbx.originate({ legId: 'reuse-a', endpoint: 'PJSIP/1000', timeoutSec: 10 });
      await log.waitFor((event) => event.type === 'leg_answered' && event.legId === 'reuse-a', 'answer of reuse-a', 5000);
      await pbx.ensureBridge('reuse-bridge', 'mixing');
      dropping.dropSecondRequests = true;
      // bridges.addChannel is not idempotent: it is resent only because the engine never read it.
      await pbx.addToBridge('reuse-bridge', ['reuse-a']);
      expect(dropping.dropped).toBeGreaterThan(0);
      const adds = (await sim.control.requests()).filter((request) => request.method === 'POST' && request.path.endsWith('/addChannel'));
      expect(adds.map((request) => request.status)).toEqual([204]);
      await pbx.hangup('reuse-a');
    } finally {
      await pbx.stop();
      await dropping.close();
    }
  });
});

/**
 * A relay that, once armed, cuts a kept-alive HTTP connection when a second
 * request arrives on it, without passing that request on: what the client
 * meets when the engine closes an idle connection as a request goes out.
 * WebSocket connections (an upgrade, then frames) pass untouched.
 */
async function startDroppingProxy(target: URL): Promise<{ url: string; dropSecondRequests: boolean; dropped: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { dropSecondRequests: false, dropped: 0 };
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    let requests = 0;
    let upgraded = false;
    client.on('data', (chunk: Buffer) => {
      const head = chunk.toString('latin1', 0, 200);
      if (!upgraded && /^(GET|POST|PUT|DELETE) /.test(head)) {
        requests += 1;
        if (/\r\nupgrade: websocket/i.test(head)) upgraded = true;
        if (requests > 1 && state.dropSecondRequests) {
          state.dropped += 1;
          client.resetAndDestroy();
          upstream.destroy();
          return;
        }
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      from.on('close', () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
    }
    upstream.connect(Number(target.port), target.hostname);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get dropSecondRequests() {
      return state.dropSecondRequests;
    },
    set dropSecondRequests(value: boolean) {
      state.dropSecondRequests = value;
    },
    get dropped() {
      return state.dropped;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

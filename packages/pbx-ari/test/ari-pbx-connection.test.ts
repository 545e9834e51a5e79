import { PbxFailure } from '@pbx-gateway/core';
import type { PbxEvent } from '@pbx-gateway/core';
import { startPbxSim } from '@pbx-gateway/pbx-sim';
import type { PbxSim } from '@pbx-gateway/pbx-sim';
import { startTcpProxy } from '@pbx-gateway/test-support';
import { createAriPbx } from '../src';
import type { AriPbx } from '../src';
import { APP, ARI_PASSWORD, ARI_USER, EventLog, memoryLogger, RequestLedger, sleep, startHarness, timed } from './support/sim-harness';

/**
 * The connection supervisor against the simulator: losing the WebSocket, an
 * engine that refuses connections, one that is not there yet, one that stops
 * answering, one that restarts. Commands must fail fast while disconnected
 * and the adapter must come back by itself.
 */
// The fidelity tier checks every request the simulators received against Asterisk's own ARI description (ari-requests.fidelity.test.ts).
export const ledger = new RequestLedger();
const FAST_RECONNECT = { initialDelayMs: 100, maxDelayMs: 400 };

const ofType =
  (type: PbxEvent['type']) =>
  (event: PbxEvent): boolean =>
    event.type === type;

async function expectUnavailableAtOnce(pbx: AriPbx): Promise<void> {
  const outcome = await timed(pbx.originate({ legId: `refused-${Date.now()}`, endpoint: 'PJSIP/1000' }));
  expect(outcome.error).toBeInstanceOf(PbxFailure);
  expect(outcome.error).toMatchObject({ kind: 'unavailable', status: null });
  // Far below any request timeout: nothing was sent, nothing was waited for.
  expect(outcome.ms).toBeLessThan(250);
}

async function expectCallsFlow(pbx: AriPbx, log: EventLog, legId: string): Promise<void> {
  const from = log.mark();
  await pbx.originate({ legId, endpoint: 'PJSIP/1000', timeoutSec: 10 });
  await log.waitFor((event) => event.type === 'leg_answered' && event.legId === legId, `answer of ${legId}`, 5000, from);
  await pbx.hangup(legId);
  await log.waitFor((event) => event.type === 'leg_ended' && event.legId === legId, `end of ${legId}`, 5000, from);
}

describe('connection supervision against the simulator', () => {
  it('announces the first connection with pbx_connected', async () => {
    const h = await startHarness(ledger);
    try {
      expect(h.pbx.isAvailable()).toBe(true);
      expect(h.log.events[0]?.type).toBe('pbx_connected');
    } finally {
      await h.close();
    }
  });

  it('reconnects after the simulator drops the WebSocket, announces it, and events flow again', async () => {
    const h = await startHarness(ledger, {}, { reconnect: FAST_RECONNECT });
    try {
      const from = h.log.mark();
      expect(await h.sim.control.dropWebSockets()).toBe(1);
      await h.log.waitFor(ofType('pbx_disconnected'), 'pbx_disconnected', 3000, from);
      expect(h.pbx.isAvailable()).toBe(false);
      await expectUnavailableAtOnce(h.pbx);
      await h.log.waitFor(ofType('pbx_connected'), 'pbx_connected after the drop', 5000, from);
      expect(h.pbx.connected).toBe(true);
      expect(h.log.events.slice(from).map((event) => event.type)).toEqual(['pbx_disconnected', 'pbx_connected']);
      await expectCallsFlow(h.pbx, h.log, 'after-drop.1');
    } finally {
      await h.close();
    }
  });

  it.each(['refuse', 'reset'] as const)(
    'fails commands at once while the simulator refuses connections (%s), and recovers by itself',
    async (mode) => {
      const logger = memoryLogger();
      const h = await startHarness(ledger, {}, { reconnect: FAST_RECONNECT, logger });
      try {
        const from = h.log.mark();
        await h.sim.control.refuseConnections(1500, mode);
        await h.log.waitFor(ofType('pbx_disconnected'), 'pbx_disconnected', 3000, from);
        const refusedSince = Date.now();
        while (Date.now() - refusedSince < 800) {
          await expectUnavailableAtOnce(h.pbx);
          await sleep(100);
        }
        await h.log.waitFor(ofType('pbx_connected'), 'pbx_connected after the refusal', 8000, from);
        expect(logger.lines.some((line) => line.includes('cannot connect to the engine, retrying'))).toBe(true);
        await expectCallsFlow(h.pbx, h.log, `after-${mode}.1`);
      } finally {
        await h.close();
      }
    },
  );

  it('starts without throwing when the engine is not there yet, and connects once it is', async () => {
    const sim = await startPbxSim({ recordTraffic: true });
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: sim.port });
    await proxy.stop();
    const log = new EventLog();
    const pbx = createAriPbx({ url: proxy.rewrite(sim.url), user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs: 1000, reconnect: FAST_RECONNECT });
    pbx.onEvent(log.listener);
    try {
      const start = await timed(pbx.start());
      expect(start.error).toBeUndefined();
      expect(start.ms).toBeLessThan(2500);
      expect(pbx.connected).toBe(false);
      await expectUnavailableAtOnce(pbx);
      await proxy.start();
      await log.waitFor(ofType('pbx_connected'), 'pbx_connected once the engine is there', 5000);
      expect(log.events.map((event) => event.type)).toEqual(['pbx_connected']);
      await expectCallsFlow(pbx, log, 'late-engine.1');
    } finally {
      await pbx.stop();
      await proxy.close();
      await ledger.collect(sim);
      await sim.close();
    }
  });

  it('bounds a command the engine never answers by the request timeout, and drops a silent WebSocket', async () => {
    const sim = await startPbxSim({ recordTraffic: true });
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: sim.port });
    const log = new EventLog();
    const requestTimeoutMs = 400;
    const pbx = createAriPbx({ url: proxy.rewrite(sim.url), user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs, reconnect: FAST_RECONNECT });
    pbx.onEvent(log.listener);
    try {
      await pbx.start();
      // With a 400 ms request timeout a starved machine can make the first connection attempt time out; the point here is what follows it.
      if (!pbx.connected) await log.waitFor(ofType('pbx_connected'), 'pbx_connected before the network freezes', 10_000);
      expect(pbx.connected).toBe(true);
      const from = log.mark();
      proxy.freeze();
      const frozen = await timed(pbx.snapshot());
      expect(frozen.error).toMatchObject({ kind: 'unavailable' });
      expect(frozen.ms).toBeGreaterThanOrEqual(requestTimeoutMs - 20);
      expect(frozen.ms).toBeLessThan(requestTimeoutMs + 500);
      // Heartbeat: a ping every max(1 s, 2 × timeout) and no pong by the next one.
      await log.waitFor(ofType('pbx_disconnected'), 'pbx_disconnected of the silent socket', 5000, from);
      proxy.thaw();
      await log.waitFor(ofType('pbx_connected'), 'pbx_connected after the network came back', 8000, from);
      expect((await pbx.snapshot()).legs).toEqual([]);
    } finally {
      await pbx.stop();
      await proxy.close();
      await ledger.collect(sim);
      await sim.close();
    }
  });

  it('comes back to an engine that restarted on the same address, with a freshly loaded API', async () => {
    const first = await startPbxSim({ recordTraffic: true });
    const log = new EventLog();
    const pbx = createAriPbx({ url: first.url, user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs: 1000, reconnect: FAST_RECONNECT });
    pbx.onEvent(log.listener);
    let second: PbxSim | null = null;
    try {
      await pbx.start();
      await expectCallsFlow(pbx, log, 'before-restart.1');
      const from = log.mark();
      await ledger.collect(first);
      await first.close();
      await log.waitFor(ofType('pbx_disconnected'), 'pbx_disconnected when the engine stops', 3000, from);
      second = await startPbxSim({ recordTraffic: true, port: first.port });
      await log.waitFor(ofType('pbx_connected'), 'pbx_connected to the restarted engine', 8000, from);
      await expectCallsFlow(pbx, log, 'after-restart.1');
    } finally {
      await pbx.stop();
      if (second) {
        await ledger.collect(second);
        await second.close();
      }
      await first.close();
    }
  });

  it('stops: closes the connection, does not reconnect, and fails commands at once', async () => {
    const h = await startHarness(ledger, {}, { reconnect: FAST_RECONNECT });
    try {
      const from = h.log.mark();
      await h.pbx.stop();
      expect(h.pbx.connected).toBe(false);
      await expectUnavailableAtOnce(h.pbx);
      await sleep(600);
      expect(h.pbx.connected).toBe(false);
      expect(h.log.events.slice(from)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

import { PbxFailure, silentLogger } from '@pbx-gateway/core';
import { startPbxSim } from '@pbx-gateway/pbx-sim';
import type { PbxSim } from '@pbx-gateway/pbx-sim';
import { connect } from 'ari-client';
import { createAriPbx } from '../src';
import type { AriPbx } from '../src';
import { RequestNotAnswered } from '../src/ari-error-mapping';
import { openAriSession } from '../src/ari-session';
import { APP, ARI_PASSWORD, ARI_USER, RequestLedger, sleep, timed } from './support/sim-harness';

/**
 * Regression test of the keep-alive trap (see src/keep-alive-guard.ts).
 *
 * The simulator closes idle HTTP connections after a short keep-alive time,
 * as Asterisk does after session_keep_alive, without advertising it. Each
 * request is sent after waiting about that long since the previous answer,
 * sweeping a few milliseconds either side, so that some requests are
 * written on a connection at the moment the server closes it.
 */
// The fidelity tier checks every request the simulators received against Asterisk's own ARI description (ari-requests.fidelity.test.ts).
export const ledger = new RequestLedger();
const KEEP_ALIVE_MS = 100;
const ROUNDS = 60;
const PER_CALL_BOUND_MS = 1500;

const pauseBeforeRound = (round: number): number => KEEP_ALIVE_MS - 3 + (round % 7);

type Outcome = 'answered' | 'failed' | 'never settled';

async function settleWithin<T>(work: Promise<T>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve('never settled'), ms);
  });
  const outcome = await Promise.race([work.then((): Outcome => 'answered', (): Outcome => 'failed'), bound]);
  clearTimeout(timer);
  return outcome;
}

let sim: PbxSim;

beforeAll(async () => {
  sim = await startPbxSim({ recordTraffic: true, keepAliveTimeoutMs: KEEP_ALIVE_MS });
});

afterAll(async () => {
  await ledger.collect(sim);
  await sim.close();
});

describe('keep-alive trap', () => {
  it('is real: with its own transport, ari-client leaves a request whose connection fails unsettled for ever', async () => {
    // The unguarded client this adapter exists to guard: the global
    // keep-alive agent and shred's missing error handler.
    const client = await connect(sim.url, ARI_USER, ARI_PASSWORD);
    expect(await settleWithin(client.channels.list(), PER_CALL_BOUND_MS)).toBe('answered');
    // The server drops the kept-alive connection and resets new ones, as a
    // connection closed by the server just as a request is written on it
    // fails that request. Timing the race itself (as the guarded test below
    // does) hits it only now and then on a loaded machine.
    await sim.control.refuseConnections(PER_CALL_BOUND_MS, 'reset');
    expect(await settleWithin(client.channels.list(), PER_CALL_BOUND_MS)).toBe('never settled');
  });

  it('is guarded: under the same race every call of the adapter settles, and with an answer', async () => {
    const pbx: AriPbx = createAriPbx({ url: sim.url, user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs: 5000 });
    try {
      await pbx.start();
      expect(pbx.connected).toBe(true);
      const commands: Array<() => Promise<unknown>> = [
        () => pbx.snapshot(),
        () => pbx.playbackState('no-such-playback'),
        () => pbx.endpoints(),
        () => pbx.hangup('no-such-leg'),
        () => pbx.stopPlayback('no-such-playback'),
      ];
      const outcomes: Array<{ round: number; outcome: Outcome; ms: number }> = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await sleep(pauseBeforeRound(round));
        const command = commands[round % commands.length] as () => Promise<unknown>;
        const started = Date.now();
        const outcome = await settleWithin(command(), PER_CALL_BOUND_MS);
        outcomes.push({ round, outcome, ms: Date.now() - started });
      }
      expect(outcomes.filter((entry) => entry.outcome !== 'answered')).toEqual([]);
    } finally {
      await pbx.stop();
    }
  }, 60_000);

  it('is guarded a second time: a request whose connection is reset fails at once instead of waiting', async () => {
    const requestTimeoutMs = 4000;
    const session = await openAriSession(
      { url: new URL(sim.url), user: ARI_USER, password: ARI_PASSWORD, app: 'keep-alive-probe', requestTimeoutMs, restKeepAliveMs: 4000, logger: silentLogger },
      new AbortController().signal,
    );
    try {
      // Every connection is now reset as soon as it is accepted.
      await sim.control.refuseConnections(1000, 'reset');
      const outcome = await timed(session.call('channels.list', {}, { idempotent: true }));
      expect(outcome.error).toBeInstanceOf(RequestNotAnswered);
      expect(outcome.error).toBeInstanceOf(PbxFailure);
      expect((outcome.error as PbxFailure).kind).toBe('unavailable');
      expect((outcome.error as Error).message).toMatch(/ECONNRESET|socket hang up/);
      expect(outcome.ms).toBeLessThan(requestTimeoutMs / 4);
    } finally {
      await session.close();
    }
  });
});

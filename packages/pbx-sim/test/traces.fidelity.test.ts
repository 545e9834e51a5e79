import { ariTracesDir } from '@pbx-gateway/test-support';
import { startPbxSim } from '@pbx-gateway/pbx-sim';
import { compareTrace, makeResolver, responseMatches } from './support/trace-compare';
import { loadTraces, type RequestEntry } from './support/trace-format';
import { replayTrace } from './support/trace-replay';
import { Bindings } from './support/unifier';

/**
 * Replays each golden trace recorded on a real Asterisk 22 against a fresh
 * simulator set up like that Asterisk (user gateway/gateway, no PJSIP
 * endpoints, the oracle-* dialplan contexts, transmit_silence on) and compares every response and
 * every channel's event sequence after the README's normalisation.
 */
const traces = loadTraces(ariTracesDir());

describe('golden ARI traces', () => {
  it('finds the traces', () => {
    expect(traces.length).toBeGreaterThan(0);
  });

  test.concurrent.each(traces.map((t) => [t.scenario, t] as const))(
    '%s replays like Asterisk 22',
    async (_name, trace) => {
      // The recording Asterisk transmitted silence while recording (its A11 recordings of an Echo channel have audio).
      const sim = await startPbxSim({ phones: [], trunks: [], transmitSilence: true });
      try {
        const bindings = new Bindings();
        const requests = new Map<number, RequestEntry>();
        for (const entry of trace.entries) if (entry.type === 'request') requests.set(entry.req, entry);
        const replay = await replayTrace(
          trace,
          new URL(sim.url),
          bindings,
          (expected, actual) => void responseMatches(bindings, requests.get(expected.req), expected, actual),
          makeResolver(trace, bindings),
        );
        const problems = compareTrace(trace, replay, bindings);
        expect(problems).toEqual([]);
      } finally {
        await sim.close();
      }
    },
    60000,
  );
});

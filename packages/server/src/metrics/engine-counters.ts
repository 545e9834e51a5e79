import type { Pbx } from '@pbx-gateway/core';
import type { MetricFamily } from './exposition';

// deviceCredential is a computation, not a round trip.
type EngineOperation = Exclude<keyof Pbx, 'isAvailable' | 'onEvent' | 'deviceCredential'>;

/** Every request the core can make of the engine; the type keeps the list complete. */
const ENGINE_OPERATIONS: Record<EngineOperation, true> = {
  originate: true,
  answer: true,
  setMusicOnHold: true,
  hangup: true,
  ensureBridge: true,
  destroyBridge: true,
  addToBridge: true,
  removeFromBridge: true,
  play: true,
  controlPlayback: true,
  stopPlayback: true,
  sendDtmf: true,
  recordBridge: true,
  stopRecording: true,
  pauseRecording: true,
  resumeRecording: true,
  recordingIsLive: true,
  moveStoredRecording: true,
  storedRecordingFile: true,
  startMusicOnHold: true,
  snoop: true,
  setRinging: true,
  setMuted: true,
  snapshot: true,
  playbackState: true,
  endpoints: true,
  deviceContacts: true,
  putDevice: true,
  removeDevice: true,
};

interface EngineSeries {
  requests: number;
  failures: number;
}

/**
 * Round trips to the engine and the ones that failed, by operation: counted
 * around the Pbx port the core is given, so neither the core nor the ARI
 * adapter knows of metrics.
 */
export class EngineCounters {
  private readonly series = new Map<EngineOperation, EngineSeries>(
    (Object.keys(ENGINE_OPERATIONS) as EngineOperation[]).map((operation) => [operation, { requests: 0, failures: 0 }]),
  );

  /** The same engine, counted. */
  count(pbx: Pbx): Pbx {
    const counted: Record<string, unknown> = {
      isAvailable: () => pbx.isAvailable(),
      onEvent: (listener: Parameters<Pbx['onEvent']>[0]) => pbx.onEvent(listener),
      deviceCredential: (username: string, password: string) => pbx.deviceCredential(username, password),
    };
    for (const [operation, series] of this.series) {
      const original = pbx[operation] as (...args: unknown[]) => Promise<unknown>;
      counted[operation] = (...args: unknown[]): Promise<unknown> => {
        series.requests += 1;
        return original.apply(pbx, args).catch((error: unknown) => {
          series.failures += 1;
          throw error;
        });
      };
    }
    return counted as unknown as Pbx;
  }

  families(): MetricFamily[] {
    const entries = [...this.series];
    return [
      {
        name: 'pbx_gateway_engine_requests_total',
        help: 'Requests made of the telephony engine (ARI round trips), by operation.',
        type: 'counter',
        samples: entries.map(([operation, series]) => ({ labels: { operation }, value: series.requests })),
      },
      {
        name: 'pbx_gateway_engine_failures_total',
        help: 'Requests of the telephony engine that failed (refused, timed out, or no connection), by operation.',
        type: 'counter',
        samples: entries.map(([operation, series]) => ({ labels: { operation }, value: series.failures })),
      },
    ];
  }
}

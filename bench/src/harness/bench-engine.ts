import { startAsterisk } from '@pbx-gateway/test-support';
import type { BenchEngine } from '../options';
import { ARI, BASELINE_ARI, BASELINE_PHONES, baselinePhone, NUMBER_RING_MS, PHONE_ANSWER_MS, SETUP_EXTENSIONS, setupExtensionSip } from '../plan/bench-plan';
import { nextMessage, spawnBenchScript } from './node-scripts';

export interface AriAccount {
  user: string;
  password: string;
}

/** The telephony engine of a run, as the gateway and the bare ari-client baseline both reach it. */
export interface RunningBenchEngine {
  /** For the report: which engine, where. */
  description: string;
  url: string;
  /** The gateway's ARI account. */
  gateway: AriAccount;
  /** The baseline's account and its own application, so that it is never the gateway's. */
  baseline: AriAccount & { app: string };
  stop(): Promise<void>;
}

export async function startBenchEngine(engine: BenchEngine): Promise<RunningBenchEngine> {
  return engine === 'asterisk' ? startBenchAsterisk() : startBenchSim();
}

async function startBenchSim(): Promise<RunningBenchEngine> {
  const sim = spawnBenchScript('bench-sim');
  const { url } = await nextMessage<{ url: string }>(sim, 30000, 'the simulator');
  return {
    description: `pbx-sim (own process, pid ${sim.pid}) at ${url}`,
    url,
    gateway: ARI,
    baseline: BASELINE_ARI,
    stop: async () => {
      await sim.stop(5000);
    },
  };
}

/**
 * The reference Asterisk with the configuration the project ships, plus the
 * call-setup extensions' and the baseline's phones; every far end (phone or
 * number) is the same Asterisk answering over real SIP and RTP on loopback,
 * after the simulator's ringing time.
 */
async function startBenchAsterisk(): Promise<RunningBenchEngine> {
  const phones = [
    ...Array.from({ length: SETUP_EXTENSIONS }, (_, i) => setupExtensionSip(i)),
    ...Array.from({ length: BASELINE_PHONES }, (_, i) => baselinePhone(i)),
  ];
  const asterisk = await startAsterisk({ extraPhones: phones, startTimeoutMs: 180000 });
  // The far end answers every phone and number after this long (docs/asterisk.md).
  const ringSeconds = Math.max(PHONE_ANSWER_MS, NUMBER_RING_MS) / 1000;
  const set = await asterisk.ari('POST', '/asterisk/variable', { variable: 'FAR_RING', value: String(ringSeconds) });
  if (set.status !== 204) {
    await asterisk.close();
    throw new Error(`the far end's ringing time could not be set: ${set.status} ${JSON.stringify(set.body)}`);
  }
  const info = await asterisk.ari('GET', '/asterisk/info');
  const version = (info.body as { system?: { version?: string } } | undefined)?.system?.version ?? 'unknown version';
  return {
    description: `Asterisk ${version} (${asterisk.phones.length} phones, real SIP far ends) at ${asterisk.url}`,
    url: asterisk.url,
    gateway: { user: asterisk.user, password: asterisk.password },
    baseline: { user: asterisk.user, password: asterisk.password, app: BASELINE_ARI.app },
    stop: () => asterisk.close(),
  };
}

import type { CoreLogger, PbxEvent } from '@pbx-gateway/core';
import { startPbxSim } from '@pbx-gateway/pbx-sim';
import type { LoggedRequest, PbxSim, PbxSimOptions } from '@pbx-gateway/pbx-sim';
import { createAriPbx } from '../../src';
import type { AriPbx, AriPbxOptions } from '../../src';

export const ARI_USER = 'gateway';
export const ARI_PASSWORD = 'gateway';

/** Every event the adapter emitted, and a bounded wait for the next one that matches. */
export class EventLog {
  readonly events: PbxEvent[] = [];
  private waiters: Array<{ match: (event: PbxEvent) => boolean; from: number; resolve: (event: PbxEvent) => void }> = [];

  readonly listener = (event: PbxEvent): void => {
    this.events.push(event);
    const index = this.events.length - 1;
    this.waiters = this.waiters.filter((waiter) => {
      if (index < waiter.from || !waiter.match(event)) return true;
      waiter.resolve(event);
      return false;
    });
  };

  /** Position to wait from: events before it do not count. */
  mark(): number {
    return this.events.length;
  }

  /** The first event from `from` on that matches, waiting at most `timeoutMs`. */
  waitFor(match: (event: PbxEvent) => boolean, what: string, timeoutMs = 5000, from = 0): Promise<PbxEvent> {
    const found = this.events.slice(from).find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match, from, resolve: (event: PbxEvent) => (clearTimeout(timer), resolve(event)) };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms; saw ${JSON.stringify(this.events.slice(from).map(describeEvent))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Compact view of the events of one leg or playback, for exact sequence checks. */
  of(id: string, from = 0): string[] {
    return this.events.slice(from).filter((event) => ('legId' in event && event.legId === id) || ('playbackId' in event && event.playbackId === id)).map(describeEvent);
  }
}

export function describeEvent(event: PbxEvent): string {
  switch (event.type) {
    case 'leg_ended':
      return `leg_ended:${event.cause}:${event.causeText}`;
    case 'leg_dtmf':
      return `leg_dtmf:${event.digit}`;
    case 'playback_finished':
      return `playback_finished:${event.outcome}`;
    default:
      return event.type;
  }
}

export interface Harness {
  sim: PbxSim;
  pbx: AriPbx;
  log: EventLog;
  /** Stops the adapter and the simulator (idempotent), keeping the simulator's request log in `ledger`. */
  close(): Promise<void>;
}

/** The ARI requests the simulators of one test file received, for the contract check at its end. */
export class RequestLedger {
  readonly requests: LoggedRequest[] = [];

  async collect(sim: PbxSim): Promise<void> {
    this.requests.push(...(await sim.control.requests()));
  }
}

export const APP = 'gateway';

/**
 * `start()` gives up waiting after one attempt's time and goes on connecting
 * in the background; on a busy machine the first attempt can take longer, so
 * a test waits for the connection itself (the adapter's own retries included).
 */
export const CONNECT_WAIT_MS = 20000;

export async function connectedWithin(pbx: AriPbx, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!pbx.connected && Date.now() < deadline) await sleep(50);
  return pbx.connected;
}

/** A simulator recording its traffic and an adapter connected to it. */
export async function startHarness(
  ledger: RequestLedger,
  simOptions: PbxSimOptions = {},
  pbxOptions: Partial<AriPbxOptions> = {},
): Promise<Harness> {
  const sim = await startPbxSim({ recordTraffic: true, ...simOptions });
  const log = new EventLog();
  const pbx = createAriPbx({ url: sim.url, user: ARI_USER, password: ARI_PASSWORD, app: APP, requestTimeoutMs: 2000, ...pbxOptions });
  pbx.onEvent(log.listener);
  await pbx.start();
  if (!(await connectedWithin(pbx, CONNECT_WAIT_MS))) {
    await Promise.all([pbx.stop(), sim.close()]);
    throw new Error('the adapter did not connect to the simulator');
  }
  let closed = false;
  return {
    sim,
    pbx,
    log,
    close: async () => {
      if (closed) return;
      closed = true;
      await pbx.stop();
      await ledger.collect(sim);
      await sim.close();
    },
  };
}

/** A logger that keeps what it was told, for tests that check warnings. */
export function memoryLogger(): CoreLogger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (level: string) => (message: string, facts?: Record<string, unknown>) => {
    lines.push(`${level} ${message} ${facts ? JSON.stringify(facts) : ''}`);
  };
  return { info: keep('info'), warn: keep('warn'), error: keep('error'), lines };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Time a promise takes to settle, and how it settled. */
export async function timed<T>(work: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = Date.now();
  try {
    const value = await work;
    return { ms: Date.now() - started, value };
  } catch (error) {
    return { ms: Date.now() - started, error };
  }
}

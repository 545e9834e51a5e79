import { play, poll, type CcEvent } from './ccgateway-client';

export interface ProbeAgent {
  id: string;
  guid: string;
}

export interface ProbeSamples {
  /** Command sent → its first event (AgentState_Busy) delivered by the agent's poll. */
  firstEventMs: number[];
  /** Command sent → AgentMediaEvent_Play delivered (includes the phone ringing and answering). */
  playingMs: number[];
  commands: number;
  failures: string[];
}

const EVENT_WAIT_MS = 20000;

/**
 * Agents driven like a supervisor's console: play a recording, follow the
 * agent's events through its own long poll until the playback has ended,
 * play again. Latencies are taken only while `measuring()` is true.
 */
export class PlaybackProbe {
  readonly samples: ProbeSamples = { firstEventMs: [], playingMs: [], commands: 0, failures: [] };
  private running = true;
  private readonly abort = new AbortController();

  constructor(
    private readonly url: string,
    private readonly voicepath: string,
    private readonly measuring: () => boolean,
  ) {}

  /** Starts one loop per agent; resolves when `stop()` has been called and every loop has finished. */
  async run(agents: readonly ProbeAgent[]): Promise<void> {
    await Promise.all(agents.map((agent) => this.drive(agent)));
  }

  stop(): void {
    this.running = false;
    this.abort.abort();
  }

  private async drive(agent: ProbeAgent): Promise<void> {
    const events = new EventStream(this.url, agent, this.abort.signal);
    const polling = events.run(() => this.running);
    try {
      // Sign-in leaves InService and Ready queued: start from a quiet agent.
      await events.waitFor('AgentState_Ready', EVENT_WAIT_MS);
      while (this.running) {
        const sent = performance.now();
        const answer = await play(this.url, agent.id, agent.guid, this.voicepath);
        this.samples.commands++;
        if (answer.retcode !== '0') {
          this.fail(`play for ${agent.id}: ${JSON.stringify(answer)}`);
          await new Promise((done) => setTimeout(done, 200));
          continue;
        }
        const measured = this.measuring();
        const first = await events.next(EVENT_WAIT_MS);
        if (!first) {
          this.fail(`no event for ${agent.id} within ${EVENT_WAIT_MS} ms of play`);
          continue;
        }
        if (measured) this.samples.firstEventMs.push(first.receivedAt - sent);
        const playing = first.eventType === 'AgentMediaEvent_Play' ? first : await events.waitFor('AgentMediaEvent_Play', EVENT_WAIT_MS);
        if (!playing) {
          this.fail(`${agent.id}: the playback did not start`);
          continue;
        }
        if (measured) this.samples.playingMs.push(playing.receivedAt - sent);
        if (!(await events.waitFor('AgentMediaEvent_StopPlayDone', EVENT_WAIT_MS))) this.fail(`${agent.id}: the playback did not end`);
      }
    } finally {
      await polling;
    }
  }

  /** A wait cut short by stop() is the end of the run, not a failure. */
  private fail(message: string): void {
    if (!this.running) return;
    this.samples.failures.push(message);
  }
}

/** One agent's long poll, kept running, its events queued with the time they arrived. */
class EventStream {
  private readonly queue: CcEvent[] = [];
  private waiter: (() => void) | null = null;

  constructor(
    private readonly url: string,
    private readonly agent: ProbeAgent,
    private readonly signal: AbortSignal,
  ) {}

  async run(running: () => boolean): Promise<void> {
    while (running()) {
      const answer = await poll(this.url, this.agent.id, this.agent.guid, this.signal).catch(() => null);
      if (!answer) await new Promise((done) => setTimeout(done, 100));
      else if (answer.event) {
        this.queue.push({ eventType: answer.event.eventType, receivedAt: performance.now() });
        this.waiter?.();
      }
    }
  }

  /** The next event, or null after `timeoutMs` or once the probe is stopped. */
  async next(timeoutMs: number): Promise<CcEvent | null> {
    const deadline = performance.now() + timeoutMs;
    while (this.queue.length === 0) {
      const left = deadline - performance.now();
      if (left <= 0 || this.signal.aborted) return null;
      await new Promise<void>((resolve) => {
        const wake = (): void => {
          clearTimeout(timer);
          this.signal.removeEventListener('abort', wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.signal.addEventListener('abort', wake);
        this.waiter = wake;
      });
      this.waiter = null;
    }
    return this.queue.shift()!;
  }

  /** Skips events until one of this type, or null after `timeoutMs`. */
  async waitFor(eventType: string, timeoutMs: number): Promise<CcEvent | null> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const event = await this.next(deadline - performance.now());
      if (!event || event.eventType === eventType) return event;
    }
  }
}

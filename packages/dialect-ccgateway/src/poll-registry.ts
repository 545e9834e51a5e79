/** What an interrupted poll answers once the sign-in that interrupted it is decided. */
export type PollVerdict = 'shutdown' | 'resume';

export interface PollTicket {
  /** Aborts the mailbox wait: the client went away or a sign-in interrupted it. */
  readonly signal: AbortSignal;
  /** The client went away. */
  abort(): void;
  /** The mailbox call returned: this poll takes nothing more. */
  settled(): void;
  /** Null unless a sign-in interrupted this poll; then what to answer. */
  verdict(): Promise<PollVerdict> | null;
  end(): void;
}

interface ActivePoll {
  agentId: string;
  controller: AbortController;
  settled: Promise<void>;
  markSettled(): void;
  verdict: Promise<PollVerdict> | null;
}

/**
 * The event polls waiting in this process, by agent. A forced sign-in must
 * not let the replaced session's waiting poll take the new session's first
 * events from the shared mailbox: it interrupts those polls and waits until
 * each has stopped taking messages before the new session is created; the
 * interrupted polls then answer `AgentOther_ShutdownService` (or `null` when
 * the sign-in failed and the old session lives on).
 */
export class PollRegistry {
  private readonly polls = new Set<ActivePoll>();

  begin(agentId: string): PollTicket {
    const controller = new AbortController();
    let markSettled!: () => void;
    const settled = new Promise<void>((resolve) => {
      markSettled = resolve;
    });
    const poll: ActivePoll = { agentId, controller, settled, markSettled, verdict: null };
    this.polls.add(poll);
    return {
      signal: controller.signal,
      abort: () => controller.abort(),
      settled: () => poll.markSettled(),
      verdict: () => poll.verdict,
      end: () => {
        poll.markSettled();
        this.polls.delete(poll);
      },
    };
  }

  /**
   * Interrupts the agent's waiting polls and resolves, once they have
   * stopped taking messages (or `boundMs` passed), with the function that
   * tells them what to answer.
   */
  async interrupt(agentId: string, boundMs: number): Promise<(verdict: PollVerdict) => void> {
    const affected = [...this.polls].filter((poll) => poll.agentId === agentId && !poll.controller.signal.aborted);
    let decide!: (verdict: PollVerdict) => void;
    const decided = new Promise<PollVerdict>((resolve) => {
      decide = resolve;
    });
    for (const poll of affected) {
      poll.verdict = decided;
      poll.controller.abort();
    }
    if (affected.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, boundMs);
      });
      await Promise.race([Promise.all(affected.map((poll) => poll.settled)), bound]);
      clearTimeout(timer);
    }
    return decide;
  }

  /** Shutting down: every waiting poll answers at once. */
  abortAll(): void {
    for (const poll of this.polls) poll.controller.abort();
  }

  get size(): number {
    return this.polls.size;
  }
}

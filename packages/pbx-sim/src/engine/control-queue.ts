/**
 * A media command run by a channel's Stasis control: playbacks, recordings
 * and DTMF are executed one after the other, in the order ARI queued them.
 */
export interface MediaCommand {
  /** Starts the command; it calls `done` once when it is over. */
  start(done: () => void): void;
  /** The channel hung up while this command ran. */
  abortRunning(): void;
  /** The channel hung up while this command still waited in the queue. */
  abortQueued(): void;
}

export class ControlQueue {
  private readonly queue: MediaCommand[] = [];
  private running?: MediaCommand;
  private closed = false;
  /** Called when the last command is over and nothing waits (bridge media channels leave then). */
  onIdle?: () => void;

  constructor(private readonly soon: (task: () => void) => void) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  get current(): MediaCommand | undefined {
    return this.running;
  }

  isQueued(command: MediaCommand): boolean {
    return this.queue.includes(command);
  }

  push(command: MediaCommand): void {
    if (this.closed) {
      this.soon(() => command.abortQueued());
      return;
    }
    this.queue.push(command);
    // The command runs on the channel's own thread, after ARI has answered the request.
    if (!this.running) this.soon(() => this.next());
  }

  private next(): void {
    if (this.running || this.closed) return;
    const command = this.queue.shift();
    if (!command) {
      this.onIdle?.();
      return;
    }
    this.running = command;
    let finished = false;
    command.start(() => {
      if (finished) return;
      finished = true;
      if (this.running === command) this.running = undefined;
      this.next();
    });
  }

  /** On hang-up the running command fails, then each queued one is run against the dead channel. */
  flushOnHangup(): void {
    this.closed = true;
    const running = this.running;
    this.running = undefined;
    running?.abortRunning();
    for (const command of this.queue.splice(0)) command.abortQueued();
  }

  /** Drops everything silently (the simulator forgets the channel). */
  forget(): void {
    this.closed = true;
    this.running = undefined;
    this.queue.splice(0);
  }
}

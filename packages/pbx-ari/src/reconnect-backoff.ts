/**
 * Delays between connection attempts: exponential so that a dead Asterisk is
 * not hammered, capped so that recovery is noticed soon enough, and jittered
 * so that several gateways that lost the same engine do not reconnect in
 * lockstep.
 */
export class ReconnectBackoff {
  private attempt = 0;

  constructor(
    private readonly initialDelayMs: number,
    private readonly maxDelayMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (!(initialDelayMs > 0) || !(maxDelayMs >= initialDelayMs)) {
      throw new RangeError(`reconnect delays must satisfy 0 < initialDelayMs <= maxDelayMs (got ${initialDelayMs}, ${maxDelayMs})`);
    }
  }

  /** The delay before the next attempt: nominal × [0.8, 1.2), never above the cap. */
  nextDelayMs(): number {
    const nominal = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    const jittered = nominal * (0.8 + 0.4 * this.random());
    return Math.round(Math.min(this.maxDelayMs, jittered));
  }

  /** A connection that came up starts the next loss from the initial delay again. */
  reset(): void {
    this.attempt = 0;
  }
}

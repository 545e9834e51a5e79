import type { Timer } from '../util/scheduler';
import { dialStatusForCause } from './causes';
import type { Channel } from './channel';
import { requestHangup } from './hangup';
import { setState } from './indications';
import type { World } from './world';

export interface OutboundCallOptions {
  /** `originate` reports the dial string in every Dial event; `dial` (ARI /dial) only in the first. */
  mode: 'originate' | 'dial';
  dialstring: string;
  /** -1 waits for ever. */
  timeoutMs: number;
  caller?: Channel;
  /** What the channel does once answered: enter Stasis, run dialplan, or nothing. */
  afterAnswer: () => void;
}

/**
 * Dialling one channel (ast_dial): Dial events, ringing, answer, failure and
 * the timeout. The far end (a Local `;2`, a phone, a trunk number) drives it
 * through ringing(), answered() and the failure methods.
 */
export class OutboundCall {
  private timeout?: Timer;
  private over = false;

  constructor(
    private readonly world: World,
    private readonly channel: Channel,
    private readonly options: OutboundCallOptions,
  ) {
    channel.outbound = this;
  }

  /** The call is placed: the first Dial event, with an empty status. */
  placed(): void {
    this.publishDial('', this.options.dialstring);
    if (this.options.timeoutMs >= 0) {
      this.timeout = this.world.after(this.options.timeoutMs, () => this.timedOut());
    }
  }

  get awaitingAnswer(): boolean {
    return !this.over;
  }

  ringing(): void {
    if (this.over || this.channel.state === 'Ringing' || this.channel.state === 'Up') return;
    setState(this.world, this.channel, 'Ringing');
    this.publishDial('RINGING', this.laterDialstring());
  }

  answered(): void {
    if (this.over) return;
    this.end();
    setState(this.world, this.channel, 'Up');
    this.publishDial('ANSWER', this.laterDialstring());
    this.options.afterAnswer();
  }

  /**
   * The far end refused the call with a SIP final response: the channel gets
   * the hang-up (with its cause), then the dialler reports the status.
   */
  failedByFarEnd(cause: number): void {
    if (this.over) return;
    this.end();
    requestHangup(this.world, this.channel, { kind: 'remote', cause });
    this.publishDial(dialStatusForCause(cause), this.laterDialstring());
  }

  /**
   * A Local `;2` indicated busy or congestion: the dialler reports it and
   * gives up. An originate hangs its channel up without a cause (Asterisk
   * reports 0, "Unknown"); an ARI dial hangs it up like a timeout does.
   */
  failedByIndication(status: string, cause: number): void {
    if (this.over) return;
    this.end();
    this.publishDial(status, this.laterDialstring());
    if (this.options.mode === 'originate') requestHangup(this.world, this.channel, { kind: 'silent', cause: 0 });
    else requestHangup(this.world, this.channel, { kind: 'explicit', cause });
  }

  /** The channel could not be called at all (no such extension behind a Local channel). */
  failedToCall(): void {
    if (this.over) return;
    this.end();
    // The Local driver frees its ;2 half first, without a hang-up request, then the dialler drops ;1.
    const other = this.channel.partner;
    if (other && !other.destroyed) {
      other.partner = undefined;
      this.channel.partner = undefined;
      requestHangup(this.world, other, { kind: 'silent', cause: 0 });
    }
    requestHangup(this.world, this.channel, { kind: 'silent', cause: 0 });
  }

  /** Nobody answered in time: cause 19 (no answer). */
  private timedOut(): void {
    if (this.over) return;
    this.end();
    if (this.options.mode === 'originate') requestHangup(this.world, this.channel, { kind: 'silent', cause: 19 });
    else requestHangup(this.world, this.channel, { kind: 'explicit', cause: 19 });
  }

  /**
   * The channel is going away for another reason (hung up while ringing).
   * An originate's dialler reads the hang-up and reports a final Dial status
   * from the cause (ast_hangup_cause_to_dial_status), as Asterisk's dial does.
   */
  abandon(): void {
    if (this.over) return;
    this.end();
    if (this.options.mode === 'originate') this.publishDial(dialStatusForCause(this.channel.hangupCause), this.options.dialstring);
  }

  /** Stops the timers without a word (the simulator forgets the channel). */
  forget(): void {
    this.end();
  }

  private end(): void {
    this.over = true;
    this.timeout?.cancel();
    if (this.channel.outbound === this) this.channel.outbound = undefined;
  }

  private laterDialstring(): string {
    return this.options.mode === 'originate' ? this.options.dialstring : '';
  }

  private publishDial(status: string, dialstring: string): void {
    const after = {
      dialstatus: status,
      forward: '',
      dialstring,
      ...(this.options.caller ? { caller: this.options.caller.snapshot() } : {}),
      peer: this.channel.snapshot(),
    };
    const channels = this.options.caller ? [this.channel.id, this.options.caller.id] : [this.channel.id];
    this.world.events.publish('Dial', {}, after, { channels });
  }
}

import type { Timer } from '../util/scheduler';
import { extensionSteps, type DialplanStep } from './dialplan-contexts';
import type { Channel } from './channel';
import { sendDtmfToFarEnd } from './dtmf';
import { endDialplan } from './hangup';
import { answerChannel, indicateBusy, indicateCongestion, indicateRinging } from './indications';
import { enterStasis } from './stasis';
import type { World } from './world';

/** Asterisk's Answer() waits up to 500 ms for the first voice frame; simulated channels carry no media. */
const ANSWER_SETTLE_MS = 500;

/**
 * A PBX thread running dialplan on a channel: each priority publishes
 * ChannelDialplan, runs its application, then moves on. Running out of
 * priorities ends the dialplan (and the channel) like auto-fallthrough does.
 */
export class DialplanRun {
  private steps: DialplanStep[] = [];
  private priority = 0;
  private timer?: Timer;
  private stopped = false;
  private waitingForDtmf?: (digit: string, durationMs: number) => void;

  constructor(
    private readonly world: World,
    private readonly channel: Channel,
    private context: string,
    private exten: string,
  ) {}

  start(priority = 1): void {
    this.steps = extensionSteps(this.context, this.exten, (name) => this.channel.vars.get(name)) ?? [];
    this.exec(priority);
  }

  /** Continues somewhere else (ARI `continue`, after Stasis). */
  goto(context: string, exten: string, priority: number): void {
    this.clearWait();
    this.context = context;
    this.exten = exten;
    this.start(priority);
  }

  /** Moves on past an application that returned (Stasis left with `continue`). */
  resumeAfterCurrent(): void {
    this.exec(this.priority + 1);
  }

  stop(): void {
    this.stopped = true;
    this.clearWait();
  }

  onDtmf(digit: string, durationMs: number): void {
    this.waitingForDtmf?.(digit, durationMs);
  }

  private clearWait(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.waitingForDtmf = undefined;
  }

  private exec(priority: number): void {
    if (this.stopped || this.channel.destroyed) return;
    this.clearWait();
    const step = this.steps[priority - 1];
    if (!step) {
      this.stopped = true;
      endDialplan(this.world, this.channel);
      return;
    }
    this.priority = priority;
    this.channel.dialplan = { context: this.context, exten: this.exten, priority, appName: step.app, appData: step.data };
    if (step.app === 'Stasis') {
      this.runStasis(step.data);
      return;
    }
    this.world.events.channelEvent('ChannelDialplan', this.channel, {}, { dialplan_app: step.app, dialplan_app_data: step.data });
    this.runApp(step);
  }

  private next(): void {
    this.exec(this.priority + 1);
  }

  private wait(ms: number, then: () => void): void {
    this.timer = this.world.after(ms, then);
  }

  private hangupHere(cause?: number): void {
    this.stopped = true;
    if (cause !== undefined) this.channel.hangupCause = cause;
    endDialplan(this.world, this.channel);
  }

  private runApp(step: DialplanStep): void {
    const seconds = Number.parseFloat(step.data);
    switch (step.app) {
      case 'NoOp':
      case 'Progress':
        this.next();
        return;
      case 'Answer':
        if (this.channel.state === 'Up') {
          this.next();
          return;
        }
        answerChannel(this.world, this.channel);
        this.wait(ANSWER_SETTLE_MS, () => this.next());
        return;
      case 'Ringing':
        indicateRinging(this.channel);
        this.next();
        return;
      case 'Wait':
        this.wait(Number.isFinite(seconds) ? seconds * 1000 : 0, () => this.next());
        return;
      case 'Playback': {
        const length = this.world.media.lengthOf(`sound:${step.data}`, () => undefined);
        this.wait(length.kind === 'finite' ? length.ms : 0, () => this.next());
        return;
      }
      case 'Echo':
        // Echo sends every key back; # ends it.
        this.waitingForDtmf = (digit, durationMs) => {
          sendDtmfToFarEnd(this.world, this.channel, digit, durationMs);
          if (digit === '#') this.next();
        };
        return;
      case 'Busy':
        this.channel.hangupCause = 17;
        indicateBusy(this.world, this.channel);
        this.wait(Number.isFinite(seconds) ? seconds * 1000 : 0, () => this.hangupHere());
        return;
      case 'Congestion':
        this.channel.hangupCause = 34;
        indicateCongestion(this.world, this.channel);
        this.wait(Number.isFinite(seconds) ? seconds * 1000 : 0, () => this.hangupHere());
        return;
      case 'Hangup': {
        const cause = Number.parseInt(step.data, 10);
        this.hangupHere(Number.isFinite(cause) ? cause : undefined);
        return;
      }
      default:
        this.next();
    }
  }

  /** Stasis(app,args) from the dialplan: when the application is not there, the dialplan goes on. */
  private runStasis(data: string): void {
    const comma = data.indexOf(',');
    const app = comma < 0 ? data : data.slice(0, comma);
    const args = comma < 0 ? undefined : data.slice(comma + 1);
    if (!enterStasis(this.world, this.channel, app, args, 'dialplan')) this.next();
  }
}

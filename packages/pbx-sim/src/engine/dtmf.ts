import type { Timer } from '../util/scheduler';
import type { Channel } from './channel';
import type { MediaCommand } from './control-queue';
import { LiveRecording } from './live-recording';
import type { World } from './world';

/** DTMF crossing a Local pair (or coming back from Echo) reaches the other half a moment later. */
export const LOCAL_FRAME_LATENCY_MS = 5;
const VALID_DIGITS = '0123456789*#ABCDabcd';

/**
 * A channel receives a DTMF key (the END frame): ChannelDtmfReceived, then
 * whatever runs on the channel reacts (Echo, a recording's terminateOn).
 */
export function receiveDtmf(world: World, channel: Channel, digit: string, durationMs: number): void {
  if (channel.destroyed) return;
  world.events.channelEvent('ChannelDtmfReceived', channel, {}, { digit, duration_ms: durationMs });
  const running = channel.control?.current;
  if (running instanceof LiveRecording) running.dtmf(digit);
  channel.pbx?.onDtmf(digit, durationMs);
}

/**
 * A key sent out of a channel reaches its far end. Only the other half of a
 * Local pair is simulated as a channel; phones and trunks just hear it, and
 * what they heard can be asked through the control API.
 */
export function sendDtmfToFarEnd(world: World, from: Channel, digit: string, durationMs: number): void {
  const partner = from.partner;
  if (!partner) {
    from.heardByFarEnd += digit;
    return;
  }
  if (partner.destroyed) return;
  partner.enqueueFrame(
    { at: Date.now() + LOCAL_FRAME_LATENCY_MS, run: () => receiveDtmf(world, partner, digit, durationMs) },
    world.frameScheduler,
  );
}

/**
 * POST /channels/{id}/dtmf as ast_dtmf_stream plays it: `before`, then each
 * key held `duration` ms followed by `between` ms of pause, then `after`.
 * `w` and `W` pause half a second and a second.
 */
export class DtmfCommand implements MediaCommand {
  private timer?: Timer;

  constructor(
    private readonly world: World,
    private readonly channel: Channel,
    private readonly digits: string,
    private readonly timing: { before: number; between: number; duration: number; after: number },
  ) {}

  start(done: () => void): void {
    const steps: { wait: number; run?: () => void }[] = [];
    if (this.timing.before > 0) steps.push({ wait: this.timing.before });
    for (const key of this.digits) {
      if (key === 'w') steps.push({ wait: 500 });
      else if (key === 'W') steps.push({ wait: 1000 });
      else if (VALID_DIGITS.includes(key)) {
        const digit = key.toUpperCase();
        steps.push({ wait: this.timing.duration, run: () => sendDtmfToFarEnd(this.world, this.channel, digit, this.timing.duration) });
        steps.push({ wait: this.timing.between });
      }
    }
    if (this.timing.after > 0) steps.push({ wait: this.timing.after });
    const next = (): void => {
      const step = steps.shift();
      if (!step) {
        this.timer = undefined;
        done();
        return;
      }
      this.timer = this.world.after(step.wait, () => {
        step.run?.();
        next();
      });
    };
    next();
  }

  abortRunning(): void {
    this.timer?.cancel();
  }

  abortQueued(): void {
    // Keys queued behind a hang-up are never sent.
  }
}

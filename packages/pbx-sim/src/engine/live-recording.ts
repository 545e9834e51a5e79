import type { JsonObject } from '../util/json';
import type { Timer } from '../util/scheduler';
import type { EventSources } from './applications';
import type { MediaCommand } from './control-queue';
import type { World } from './world';

type State = 'queued' | 'recording' | 'paused' | 'done' | 'failed' | 'canceled';
export type IfExists = 'fail' | 'overwrite' | 'append';
export type TerminateOn = 'none' | 'any' | '*' | '#';

export interface RecordingOptions {
  name: string;
  format: string;
  maxDurationSeconds: number;
  maxSilenceSeconds: number;
  ifExists: IfExists;
  beep: boolean;
  terminateOn: TerminateOn;
}

export interface RecordingTarget {
  uri: string;
  sources: EventSources;
  /** Why recording cannot start now (a channel in a bridge), checked when the command runs. */
  blockedReason?: () => string | undefined;
  /** False when no frames reach the target: the file gets no audio and the duration stays 0. */
  carriesAudio?: () => boolean;
  /** False once no application can hear of the recording any more (its bridge destroyed). */
  heard?: () => boolean;
}

/**
 * One live recording. Time advances on real timers; the duration Asterisk
 * reports is the whole seconds actually recorded (pauses excluded).
 */
export class LiveRecording implements MediaCommand {
  private state: State = 'queued';
  private recordedMs = 0;
  private resumedAt = 0;
  private startedAt = 0;
  private durationSeconds?: number;
  private cause?: string;
  private timers: Timer[] = [];
  private done?: () => void;
  muted = false;

  constructor(
    private readonly world: World,
    readonly options: RecordingOptions,
    private readonly target: RecordingTarget,
  ) {}

  get name(): string {
    return this.options.name;
  }

  get inSession(): boolean {
    return this.state === 'recording' || this.state === 'paused';
  }

  json(): JsonObject {
    const json: JsonObject = {
      name: this.options.name,
      format: this.options.format,
      state: this.state,
      target_uri: this.target.uri,
    };
    if (this.durationSeconds !== undefined) {
      json.duration = this.durationSeconds;
      // Silence detection (maxSilenceSeconds) also reports how much was talk: the far end never speaks.
      if (this.options.maxSilenceSeconds > 0) {
        json.talking_duration = 0;
        json.silence_duration = this.durationSeconds;
      }
    }
    if (this.cause !== undefined) json.cause = this.cause;
    return json;
  }

  private publish(type: string): void {
    if (this.target.heard?.() === false) return;
    this.world.events.publish(type, {}, { recording: this.json() }, this.target.sources);
  }

  start(done: () => void): void {
    this.done = done;
    const blocked = this.target.blockedReason?.();
    if (blocked) {
      this.state = 'failed';
      this.cause = blocked;
      this.publish('RecordingFailed');
      this.finish();
      return;
    }
    this.state = 'recording';
    this.startedAt = Date.now();
    this.resumedAt = this.startedAt;
    this.publish('RecordingStarted');
    if (this.options.maxDurationSeconds > 0) {
      // Asterisk compares time() seconds: the recording stops at the first second boundary past the limit.
      const startSecond = Math.floor(this.startedAt / 1000);
      const endAt = (startSecond + this.options.maxDurationSeconds + 1) * 1000;
      this.timers.push(this.world.after(endAt - Date.now(), () => this.stop()));
    }
    if (this.options.maxSilenceSeconds > 0) {
      // The simulated far end never speaks, so silence detection ends the recording.
      this.timers.push(this.world.after(this.options.maxSilenceSeconds * 1000, () => this.stop()));
    }
  }

  pause(): void {
    if (this.state !== 'recording') return;
    this.recordedMs += Date.now() - this.resumedAt;
    this.state = 'paused';
  }

  unpause(): void {
    if (this.state !== 'paused') return;
    this.resumedAt = Date.now();
    this.state = 'recording';
  }

  /** A DTMF key reached the recorded channel. */
  dtmf(digit: string): void {
    if (this.state !== 'recording' && this.state !== 'paused') return;
    const on = this.options.terminateOn;
    if (on === 'any' || on === digit) this.stop();
  }

  /** POST .../stop (and the recording's own limits): the file is kept. */
  stop(): void {
    if (!this.inSession) return;
    this.complete(true);
  }

  /** DELETE /recordings/live/{name}: Asterisk still reports "done", but discards the file. */
  cancel(): void {
    if (!this.inSession) return;
    this.complete(false);
  }

  private complete(keep: boolean): void {
    if (this.state === 'recording') this.recordedMs += Date.now() - this.resumedAt;
    if (this.target.carriesAudio?.() === false) this.recordedMs = 0;
    this.state = 'done';
    this.durationSeconds = Math.floor(this.recordedMs / 1000);
    for (const timer of this.timers.splice(0)) timer.cancel();
    if (keep) this.store();
    else this.world.stored.delete(this.name);
    this.publish('RecordingFinished');
    this.finish();
  }

  private store(): void {
    const previous = this.options.ifExists === 'append' ? this.world.stored.get(this.name) : undefined;
    this.world.stored.save({
      name: this.options.name,
      format: this.options.format,
      durationMs: (previous?.durationMs ?? 0) + this.recordedMs,
    });
  }

  private finish(): void {
    if (this.world.liveRecordings.get(this.name) === this) this.world.liveRecordings.delete(this.name);
    const done = this.done;
    this.done = undefined;
    done?.();
  }

  /** The channel hung up while recording: what was recorded is kept. */
  abortRunning(): void {
    if (this.inSession) {
      this.complete(true);
    }
    this.done = undefined;
  }

  /** Queued behind a hang-up: recording starts on the dead channel and ends at once. */
  abortQueued(): void {
    this.state = 'recording';
    this.startedAt = Date.now();
    this.resumedAt = this.startedAt;
    this.publish('RecordingStarted');
    this.complete(true);
  }
}

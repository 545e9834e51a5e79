import type { JsonObject } from '../util/json';
import type { Timer } from '../util/scheduler';
import type { MediaLength } from '../media/media-catalog';
import type { MediaCommand } from './control-queue';
import type { EventSources } from './applications';
import type { World } from './world';

/**
 * Internal playback states. `stopped`, `complete` and `canceled` all read
 * "done" over ARI, exactly as res_stasis_playback reports them.
 */
type State = 'queued' | 'playing' | 'paused' | 'continuing' | 'complete' | 'stopped' | 'canceled' | 'failed';

export type ControlResult = 'ok' | 'not-playing' | 'failed';
export type PlaybackOperation = 'restart' | 'pause' | 'unpause' | 'reverse' | 'forward';

export interface PlaybackTarget {
  uri: string;
  sources: EventSources;
}

/**
 * One ARI playback: a list of media URIs played in order on a channel or a
 * bridge announcer, on a real timer so that it ends when the media would.
 */
export class Playback implements MediaCommand {
  private state: State = 'queued';
  private index = 0;
  private positionMs = 0;
  private resumedAt = 0;
  private lengthMs: number | undefined;
  private timer?: Timer;
  private done?: () => void;

  constructor(
    private readonly world: World,
    readonly id: string,
    private readonly medias: readonly string[],
    private readonly target: PlaybackTarget,
    private readonly language: string,
    private readonly skipMs: number,
    private readonly offsetMs: number,
  ) {}

  /** The Playback model: next_media_uri only while more media follow. */
  json(): JsonObject {
    const json: JsonObject = { id: this.id, media_uri: this.medias[this.index] ?? '' };
    if (this.index < this.medias.length - 1) json.next_media_uri = this.medias[this.index + 1] ?? '';
    json.target_uri = this.target.uri;
    json.language = this.language;
    json.state = this.stateName();
    return json;
  }

  private stateName(): string {
    switch (this.state) {
      case 'complete':
      case 'stopped':
      case 'canceled':
        return 'done';
      default:
        return this.state;
    }
  }

  /** Only playing, continuing, done and failed are published (paused and queued are not). */
  private publish(): void {
    const type =
      this.state === 'playing'
        ? 'PlaybackStarted'
        : this.state === 'continuing'
          ? 'PlaybackContinuing'
          : this.state === 'queued' || this.state === 'paused'
            ? undefined
            : 'PlaybackFinished';
    if (type) this.world.events.publish(type, {}, { playback: this.json() }, this.target.sources);
  }

  start(done: () => void): void {
    this.done = done;
    if (this.state === 'canceled') {
      // Stopped while queued: it finishes, as "done", without ever starting.
      this.publish();
      this.finish();
      return;
    }
    this.playMedia(this.offsetMs);
  }

  private playMedia(offsetMs: number): void {
    this.state = 'playing';
    this.publish();
    const length = this.lengthOf(this.medias[this.index] ?? '');
    if (length.kind === 'abandoned') {
      // Still "playing" as far as anyone was told; the playback just goes away.
      this.finish();
      return;
    }
    if (length.kind === 'missing') {
      this.state = 'failed';
      this.publish();
      this.nextMedia();
      return;
    }
    this.lengthMs = length.kind === 'finite' ? length.ms : undefined;
    this.positionMs = Math.max(0, offsetMs);
    this.run();
  }

  private lengthOf(uri: string): MediaLength {
    return this.world.media.lengthOf(uri, (name) => this.world.stored.get(name)?.durationMs);
  }

  private run(): void {
    this.resumedAt = Date.now();
    this.timer?.cancel();
    this.timer = undefined;
    if (this.lengthMs === undefined) return;
    const remaining = this.lengthMs - this.positionMs;
    if (remaining <= 0) {
      this.mediaComplete();
      return;
    }
    this.timer = this.world.after(remaining, () => this.mediaComplete());
  }

  private freeze(): void {
    this.positionMs += Date.now() - this.resumedAt;
    this.timer?.cancel();
    this.timer = undefined;
  }

  private mediaComplete(): void {
    this.timer = undefined;
    if (this.index < this.medias.length - 1) {
      this.state = 'continuing';
      this.publish();
      this.index += 1;
      this.playMedia(0);
      return;
    }
    this.state = 'complete';
    this.publish();
    this.finish();
  }

  private nextMedia(): void {
    if (this.index < this.medias.length - 1) {
      this.index += 1;
      this.playMedia(0);
    } else {
      this.finish();
    }
  }

  private finish(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.world.removePlayback(this);
    const done = this.done;
    this.done = undefined;
    done?.();
  }

  /**
   * POST /playbacks/{id}/control, with res_stasis_playback's table of which
   * operation each state accepts; the rest are "not playing" (409).
   */
  control(operation: PlaybackOperation): ControlResult {
    switch (this.state) {
      case 'queued':
        return operation === 'restart' ? 'ok' : 'not-playing';
      case 'playing':
      case 'continuing':
        switch (operation) {
          case 'unpause':
            return 'ok';
          case 'pause':
            this.freeze();
            this.state = 'paused';
            return 'ok';
          case 'restart':
            this.positionMs = 0;
            this.run();
            return 'ok';
          case 'forward':
            this.freeze();
            this.positionMs += this.skipMs;
            this.run();
            return 'ok';
          case 'reverse':
            this.freeze();
            this.positionMs = Math.max(0, this.positionMs - this.skipMs);
            this.run();
            return 'ok';
        }
        return 'failed';
      case 'paused':
        if (operation === 'pause') return 'ok';
        if (operation === 'unpause') {
          this.state = 'playing';
          this.publish();
          this.run();
          return 'ok';
        }
        return 'not-playing';
      default:
        return 'not-playing';
    }
  }

  /** DELETE /playbacks/{id}: a queued playback is cancelled, a running one stops as "done". */
  stop(): void {
    switch (this.state) {
      case 'queued':
        this.state = 'canceled';
        return;
      case 'playing':
      case 'paused':
      case 'continuing':
        this.timer?.cancel();
        this.state = 'stopped';
        this.publish();
        this.finish();
        return;
      default:
        return;
    }
  }

  abortRunning(): void {
    this.timer?.cancel();
    if (this.state === 'canceled') {
      this.publish();
    } else {
      this.state = 'failed';
      this.publish();
    }
    this.done = undefined;
    this.world.removePlayback(this);
  }

  /** Queued behind a hang-up: it starts against the dead channel and fails at once. */
  abortQueued(): void {
    if (this.state !== 'canceled') {
      this.state = 'playing';
      this.publish();
      this.state = 'failed';
    }
    this.publish();
    this.world.removePlayback(this);
  }
}

import type { JsonObject } from '../util/json';
import type { Channel } from './channel';
import type { ControlQueue } from './control-queue';

export type BridgeType = 'mixing' | 'holding';

/** An internal channel that plays media into a bridge (Announcer) or records it (Recorder): its `;2` half, which sits in the bridge, and the queue that runs its commands. */
export interface BridgeMediaChannel {
  channel: Channel;
  control: ControlQueue;
}

/** A Stasis bridge created through ARI. */
export class Bridge {
  /** Channels in joining order; BRIDGEPEER lists use the reverse (Asterisk inserts at the head). */
  readonly channels: Channel[] = [];
  readonly vars = new Map<string, string>();
  /** The Announcer while a bridge playback is queued (playbacks queue on it, one after the other). */
  readonly media: Partial<Record<'Announcer', BridgeMediaChannel>> = {};
  /** One Recorder per bridge recording: Asterisk records a bridge several times at once. */
  readonly recorders = new Set<BridgeMediaChannel>();
  mohClass?: string;
  /** The `Announcer/ARI_MOH-<seq>;2` channel that plays music on hold into a mixing bridge. */
  mohChannel?: Channel;
  videoSourceId?: string;
  destroyed = false;

  constructor(
    readonly id: string,
    readonly type: BridgeType,
    /** Extra features asked for in `type` (dtmf_events, proxy_media, video_sfu...). */
    readonly features: readonly string[],
    readonly name: string,
    readonly creationtime: string,
  ) {}

  get uri(): string {
    return `bridge:${this.id}`;
  }

  /**
   * Asterisk's smart bridging picks the technology from the participants: a
   * simple two-party bridge up to two channels, softmix beyond (or always
   * for SFU video); holding bridges use the holding technology.
   */
  get technology(): string {
    if (this.type === 'holding') return 'holding_bridge';
    if (this.features.includes('video_sfu')) return 'softmix';
    return this.channels.length > 2 ? 'softmix' : 'simple_bridge';
  }

  get videoMode(): string {
    if (this.features.includes('video_sfu')) return 'sfu';
    if (this.features.includes('video_single')) return 'single';
    return 'talker';
  }

  snapshot(): JsonObject {
    const json: JsonObject = {
      id: this.id,
      technology: this.technology,
      bridge_type: this.type,
      bridge_class: 'stasis',
      creator: 'Stasis',
      name: this.name,
      // Announcer, Recorder and music-on-hold channels are in the bridge (the technology counts them) but not listed.
      // Asterisk keeps a snapshot's channel ids in a sorted string container: a channel
      // that joins again (parked, then grabbed back) is listed by its id, not last.
      channels: this.channels
        .filter((c) => !c.internal)
        .map((c) => c.id)
        .sort(),
      creationtime: this.creationtime,
      video_mode: this.videoMode,
    };
    if (this.videoMode === 'single' && this.videoSourceId) json.video_source_id = this.videoSourceId;
    return json;
  }
}

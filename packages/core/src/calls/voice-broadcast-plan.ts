import type { Call } from './call';
import type { JsonObject } from '../kernel/json';
import type { MediaRequest, ResolvedMedia } from '../playback/media-resolution';

/** What is played to whom, and how long the call may ring and last: the same for one number or a batch. */
export interface VoiceBroadcastPlan {
  /** Number to present; null lets the gateway pick one from the trunk's pool. */
  callerId: string | null;
  media: MediaRequest;
  /** Take one key during or after the audio (recorded in the CDR) before hanging up. */
  collectKey: boolean;
  /** Seconds the number may ring; null: the gateway's `destinationRingTimeoutSec`. */
  ringSec: number | null;
  /** Seconds the call may last once answered; null: until the audio ends. */
  talkLimitSec: number | null;
  tenant: string | null;
  data: JsonObject;
  origin: Call['origin'];
}

/** A plan checked once: its media resolved, its limits in range. */
export interface CheckedBroadcastPlan extends Omit<VoiceBroadcastPlan, 'media'> {
  media: ResolvedMedia;
}

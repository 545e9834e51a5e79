import { randomBytes, randomUUID } from 'node:crypto';

const UNREAL = new Set(['Local', 'Announcer', 'Recorder', 'ARI_MOH']);

/**
 * Identifiers shaped like the ones Asterisk generates, so that clients which
 * parse or log them see what they would see in production.
 */
export class IdSource {
  private uniqueCounter = 0;
  private readonly nameSequences = new Map<string, number>();
  readonly entityId: string;

  constructor() {
    // Asterisk's entity id is the MAC address of the host: six hex pairs.
    this.entityId = Array.from(randomBytes(6), (b) => b.toString(16).padStart(2, '0')).join(':');
  }

  /** `<epoch seconds>.<process-wide counter>`, like ast_channel uniqueids. */
  channelId(): string {
    return `${Math.floor(Date.now() / 1000)}.${this.uniqueCounter++}`;
  }

  /**
   * The 8-hex-digit suffix of a channel name, counted from 0. Each channel
   * driver keeps its own counter, except that Local, Announcer, Recorder and
   * the bridge music-on-hold channels are all "unreal" channels and share one.
   */
  nameSequence(technology: string): string {
    const counter = UNREAL.has(technology) ? 'unreal' : technology;
    const next = this.nameSequences.get(counter) ?? 0;
    this.nameSequences.set(counter, next + 1);
    return next.toString(16).padStart(8, '0');
  }

  /** Bridges and playbacks get RFC 4122 UUIDs when the client chose no id. */
  uuid(): string {
    return randomUUID();
  }

  /** A SIP Call-ID for the protocol_id of PJSIP channels. */
  sipCallId(): string {
    return randomUUID();
  }
}

import { randomBytes, randomUUID } from 'node:crypto';

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

  /** The 8-hex-digit suffix of a channel name; each channel driver keeps its own counter. */
  nameSequence(technology: string): string {
    const next = this.nameSequences.get(technology) ?? 1;
    this.nameSequences.set(technology, next + 1);
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

import { isRecord } from './ari-models';

/**
 * The application that hears about devices: subscribed to every PJSIP
 * endpoint, so that Asterisk tells it of its contacts' qualify results.
 * It is an application of its own, opened on the same event WebSocket as
 * the gateway's: an endpoint subscription also brings the events of every
 * channel on the endpoints (calls that are none of the gateway's), which the
 * call handling must not see; the devices application's events are read for
 * contacts only.
 */
export const devicesApplication = (app: string): string => `${app}-devices`;

/** Every PJSIP endpoint: the event source `devicesApplication` subscribes to. */
export const DEVICES_EVENT_SOURCE = 'endpoint:PJSIP';

/**
 * The latest round trip of each contact's qualify, as Asterisk 22 tells it:
 * only in `ContactStatusChange` (`contact_info.roundtrip_usec`), sent when a
 * contact's status changes (a contact created `NonQualified`, then
 * `Reachable` with its round trip; `Unreachable`, `Removed`). ARI has no
 * request that reads it. Kept in memory: it is the engine's state, learnt
 * again from its events; a contact that has not changed since the gateway
 * connected has no known round trip.
 */
export class ContactRoundTrips {
  private readonly byContact = new Map<string, number>();

  constructor(private readonly maxRemembered = 20_000) {}

  /** Takes note of a `ContactStatusChange`; other messages are ignored. */
  note(message: unknown): void {
    if (!isRecord(message) || message.type !== 'ContactStatusChange' || !isRecord(message.contact_info)) return;
    const { aor, uri, contact_status: status, roundtrip_usec: roundtrip } = message.contact_info;
    if (typeof aor !== 'string' || typeof uri !== 'string') return;
    const key = keyOf(aor, uri);
    const usec = Number(roundtrip);
    this.byContact.delete(key);
    // Only a reachable contact has a round trip; any other status (NonQualified's is "0") forgets it.
    if (status !== 'Reachable' || !Number.isFinite(usec) || usec <= 0) return;
    this.byContact.set(key, usec);
    if (this.byContact.size > this.maxRemembered) {
      const oldest = this.byContact.keys().next().value;
      if (oldest !== undefined) this.byContact.delete(oldest);
    }
  }

  /** The contact's latest round trip in microseconds; undefined when the engine has not told it. */
  of(aor: string, uri: string): number | undefined {
    return this.byContact.get(keyOf(aor, uri));
  }
}

const keyOf = (aor: string, uri: string): string => `${aor}\n${uri}`;

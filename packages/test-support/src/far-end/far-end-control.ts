/** What a called phone or number does when the gateway rings it. */
export type FarEndOutcome = 'answer' | 'busy' | 'noanswer' | 'congestion' | 'reject';

export interface FarEndBehaviour {
  outcome: FarEndOutcome;
  /** Ringing before the outcome (answer, busy, congestion), in ms. */
  ringMs?: number;
  /** Answered calls: keys the far end presses, `dtmfAfterMs` after answering (500 by default). */
  dtmf?: string;
  dtmfAfterMs?: number;
  /** Answered calls: the far end hangs up after this much talk (ms). */
  hangupAfterMs?: number;
}

/**
 * The far ends of the gateway's calls, as a test steers them: the same calls
 * on pbx-sim (its /sim control API) and on the real Asterisk (its own far-end
 * context, steered through ARI), so that one test runs on both engines.
 * A far end is named by the gateway's leg id, which is the engine's channel id.
 */
export interface FarEndControl {
  readonly engine: 'pbx-sim' | 'asterisk';
  /** How a phone of the PBX (`PJSIP/<resource>`) answers from now on. */
  setPhone(resource: string, behaviour: FarEndBehaviour): Promise<void>;
  /** How one number called over the trunk answers from now on. */
  setNumber(number: string, behaviour: FarEndBehaviour): Promise<void>;
  /** How every number without its own behaviour answers (answer after 300 ms at first). */
  setOtherNumbers(behaviour: FarEndBehaviour): Promise<void>;
  /** The far end of a ringing leg answers (behaviour `noanswer` rings until then). */
  answer(legId: string): Promise<void>;
  /** The far end of an answered leg presses keys (RFC 4733 on Asterisk). */
  pressDtmf(legId: string, digits: string): Promise<void>;
  /** The keys the far end of an answered leg has heard from the gateway so far, in order. */
  heardDtmf(legId: string): Promise<string>;
  /** The far end of a leg hangs up (or rejects it while ringing) with a Q.850 cause. */
  hangup(legId: string, cause?: number): Promise<void>;
  /**
   * A caller on the carrier calls `did`: the call reaches the PBX over the
   * trunk, whose dialplan hands it to the gateway (`Stasis(<app>,inbound,<did>)`).
   */
  callIn(did: string, callerNumber: string): Promise<IncomingCall>;
  /** Where the PBX's configuration reaches a phone that has not registered itself: the far end. */
  phoneAddress(): { host: string; port: number };
  /**
   * The phone `resource` registers itself from an address of its own, saying
   * it is `userAgent` (a SIP REGISTER on Asterisk); its contact then comes
   * before the configured one. `credentials`: what it authenticates with
   * (a phone the gateway created); else those pjsip.conf gives it. A
   * password the engine does not take is refused (rejects).
   */
  registerPhone(resource: string, userAgent: string, credentials?: PhoneCredentials): Promise<RegisteredPhone>;
}

export interface PhoneCredentials {
  username: string;
  password: string;
}

/** A phone's own registration. */
export interface RegisteredPhone {
  host: string;
  port: number;
  /** The contact URI it registered. */
  contact: string;
  /** The phone removes its registration (the configured contact stays). */
  unregister(): Promise<void>;
}

/** A call placed into the PBX by a far end. */
export interface IncomingCall {
  /** The caller hangs up. */
  hangup(): Promise<void>;
}

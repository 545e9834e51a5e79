/** Public configuration of the simulator; see README.md for the meaning of each field. */

/** A SIP phone: the PJSIP endpoint `PJSIP/<resource>`. */
export interface PhoneConfig {
  resource: string;
  /** Registered phones can be called; calling an unregistered one fails like Asterisk (500 Allocation failed). */
  registered?: boolean;
  /** Milliseconds of ringing before the phone answers by itself; `null` waits for a manual answer (control API). */
  answerAfterMs?: number | null;
  /** A busy phone rejects calls with 486 Busy Here (cause 17). */
  busy?: boolean;
  /** Dialplan context of the endpoint, shown in channel snapshots. */
  context?: string;
  /** Caller ID the phone presents on calls it places. */
  callerName?: string;
}

export type NumberOutcome =
  | 'answer'
  | 'busy'
  | 'noanswer'
  | 'congestion'
  | 'rejected'
  | 'unallocated'
  | 'unavailable'
  | 'absent'
  | 'failure';

/** How an external number dialled through a trunk (`PJSIP/<number>@<trunk>`) behaves. First match wins. */
export interface NumberRule {
  /** Regular expression source, anchored at both ends, tested against the dialled number. */
  match: string;
  /** Only numbers dialled through this trunk. */
  trunk?: string;
  outcome: NumberOutcome;
  /** Milliseconds of ringing before the outcome (answer or failure). `noanswer` rings until the caller gives up. */
  ringMs?: number;
  /** Hang-up cause for failure outcomes, overriding the outcome's usual cause. */
  cause?: number;
  /** After answering, the far end hangs up after this many milliseconds of talk (cause 16). */
  hangupAfterMs?: number;
  /** After answering, the far end presses these DTMF keys. */
  dtmf?: string;
  /** Delay between the answer and the first key, and between keys. */
  dtmfAfterMs?: number;
  dtmfGapMs?: number;
}

export interface PbxSimOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** ARI users, name → password. */
  users?: Record<string, string>;
  phones?: PhoneConfig[];
  /** Trunk endpoint names accepted in `PJSIP/<number>@<trunk>`; when omitted any name that is not a phone is a trunk. */
  trunks?: string[];
  numberRules?: NumberRule[];
  /** Sound catalog: sound id → length in milliseconds. Replaces the default catalog when given. */
  media?: Record<string, number>;
  /**
   * Length of media fetched from `sound:http(s)://` URLs. Without it no URL
   * can be fetched and such a playback fails at once, as on the real Asterisk
   * of the test machines (docs/asterisk.md).
   */
  remoteMediaMs?: number | null;
  /** Idle keep-alive connections are closed after this many milliseconds (Asterisk: session_keep_alive, 15000). */
  keepAliveTimeoutMs?: number;
  /**
   * asterisk.conf `transmit_silence` (off in the project's configuration): a
   * recording channel sends silence, which an Echo on the other half of a
   * Local pair sends back, so that recording gets audio. Off, a Local channel
   * records audio only from an application that plays (Playback, MusicOnHold).
   */
  transmitSilence?: boolean;
  /** Keep a log of ARI requests and events (off by default so that long runs do not grow memory). */
  recordTraffic?: boolean;
  logger?: (line: string) => void;
}

export const DEFAULT_USERS: Readonly<Record<string, string>> = { gateway: 'gateway' };

export const DEFAULT_PHONES: readonly PhoneConfig[] = [
  { resource: '1000' },
  { resource: '1001' },
  { resource: '1002' },
  { resource: '1003' },
  { resource: '1004', registered: false },
];

export const DEFAULT_NUMBER_RULES: readonly NumberRule[] = [{ match: '.*', outcome: 'answer', ringMs: 300 }];

export const DEFAULT_PHONE_ANSWER_MS = 500;
export const DEFAULT_REMOTE_MEDIA_MS: number | null = null;
export const DEFAULT_KEEP_ALIVE_MS = 15000;

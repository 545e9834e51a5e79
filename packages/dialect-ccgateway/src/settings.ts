/**
 * Settings of the CC-Gateway dialect; the server fills them from its
 * configuration. docs/cc-gateway.md explains each one.
 */
export interface CcgatewaySettings {
  /** Gateway node name appended to every GUID (`<uuid>.AgentGateway0`). */
  nodeName: string;
  /** `serverName` reported by sign-in (Huawei's gateway cluster name). */
  serverName: string;
  /** `vdnid` reported by sign-in (tenant / virtual call-centre id). */
  vdnId: number;
  /** Agent ids the dialect accepts in paths; others answer `000-002`. */
  agentIdRange: { min: number; max: number };
  /**
   * `static` (Huawei AUTHMODE 1): the GUID of a sign-in lives as long as the
   * session. `dynamic` (AUTHMODE 2): polls rotate it every `guidRotationMs`.
   */
  authMode: 'static' | 'dynamic';
  /** Dynamic mode: age at which a poll hands out a new GUID; a GUID lives twice this long. */
  guidRotationMs: number;
  /** How long an event poll waits for an event before answering `event: null`. */
  pollWaitMs: number;
  /** An agent whose client has not polled for this long is signed out. */
  idleSignOutMs: number;
  /** How often the background sweep looks for such agents. */
  idleSweepMs: number;
  /** Whether `forcelogin` may replace an existing session (`100-015` otherwise). */
  forceLoginAllowed: boolean;
  /**
   * Sign-in phone numbers must match this regular expression (anchored), or
   * sign-in answers `100-014`; null accepts any well-formed number.
   */
  phoneNumberPattern: string | null;
  /** Largest request body read; larger bodies are refused with the interface's parameter error. */
  maxBodyBytes: number;
}

export const defaultCcgatewaySettings: CcgatewaySettings = {
  nodeName: 'AgentGateway0',
  serverName: 'AgentGateway',
  vdnId: 1,
  agentIdRange: { min: 101, max: 999999 },
  authMode: 'static',
  guidRotationMs: 300_000,
  pollWaitMs: 10_000,
  idleSignOutMs: 120_000,
  idleSweepMs: 10_000,
  forceLoginAllowed: true,
  phoneNumberPattern: null,
  maxBodyBytes: 64 * 1024,
};

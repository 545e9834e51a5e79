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
  /**
   * Hosts (`name` or `name:port`) a sign-in's `callBackUri` may name for push
   * mode; another host is refused with `100-011`. Empty: push mode is off.
   */
  pushCallbackHosts: readonly string[];
  /** A push that failed is tried again this often ... */
  pushRetryEveryMs: number;
  /** ... for this long after the first failure; then the agent is signed out. */
  pushRetryForMs: number;
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
  pushCallbackHosts: [],
  pushRetryEveryMs: 10_000,
  pushRetryForMs: 120_000,
};

/**
 * Refuses settings the dialect cannot run with, naming each problem, so a
 * wrong configuration stops the gateway at start instead of failing requests
 * (a sweep every 0 ms, a pattern that does not compile).
 */
export function checkCcgatewaySettings(settings: CcgatewaySettings): CcgatewaySettings {
  const problems: string[] = [];
  const positiveInteger = (name: keyof CcgatewaySettings, value: unknown, min = 1): void => {
    if (!Number.isInteger(value) || (value as number) < min) problems.push(`${name} must be an integer of at least ${min}`);
  };
  if (typeof settings.nodeName !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(settings.nodeName)) problems.push('nodeName must be 1-64 letters, digits, - or _');
  if (typeof settings.serverName !== 'string' || settings.serverName.length > 64) problems.push('serverName must be a string of at most 64 characters');
  positiveInteger('vdnId', settings.vdnId, 0);
  const range = settings.agentIdRange;
  if (!range || !Number.isInteger(range.min) || !Number.isInteger(range.max) || range.min < 1 || range.max < range.min) {
    problems.push('agentIdRange must be { min, max } with 1 <= min <= max');
  }
  if (settings.authMode !== 'static' && settings.authMode !== 'dynamic') problems.push('authMode must be static or dynamic');
  positiveInteger('guidRotationMs', settings.guidRotationMs, 1000);
  positiveInteger('pollWaitMs', settings.pollWaitMs, 1);
  positiveInteger('idleSignOutMs', settings.idleSignOutMs, 1000);
  positiveInteger('idleSweepMs', settings.idleSweepMs, 10);
  if (typeof settings.forceLoginAllowed !== 'boolean') problems.push('forceLoginAllowed must be true or false');
  if (settings.phoneNumberPattern !== null) {
    try {
      new RegExp(`^(?:${String(settings.phoneNumberPattern)})$`);
    } catch {
      problems.push('phoneNumberPattern must be a regular expression');
    }
  }
  positiveInteger('maxBodyBytes', settings.maxBodyBytes, 1024);
  if (!Array.isArray(settings.pushCallbackHosts) || !settings.pushCallbackHosts.every((host) => typeof host === 'string' && /^[A-Za-z0-9.:\[\]-]{1,260}$/.test(host))) {
    problems.push('pushCallbackHosts must be a list of host names (name or name:port)');
  }
  positiveInteger('pushRetryEveryMs', settings.pushRetryEveryMs, 10);
  positiveInteger('pushRetryForMs', settings.pushRetryForMs, 0);
  if (problems.length > 0) throw new Error(`ccgateway settings: ${problems.join('; ')}`);
  return settings;
}

/** The sign-in phone-number rule, compiled once. */
export function phoneNumberRule(settings: CcgatewaySettings): ((phoneNumber: string) => boolean) | null {
  if (settings.phoneNumberPattern === null) return null;
  const pattern = new RegExp(`^(?:${settings.phoneNumberPattern})$`);
  return (phoneNumber) => pattern.test(phoneNumber);
}

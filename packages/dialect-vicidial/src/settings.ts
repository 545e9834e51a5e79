/** What the server may configure about the VICIdial dialect (see docs/vicidial.md, "Configuration"). */
export interface VicidialSettings {
  /** Reported by the Agent API `version` function and the `format=debug` header. */
  agentApi: { version: string; build: string };
  /** Reported by the Non-Agent API `version` function. */
  nonAgentApi: { version: string; build: string };
  /**
   * IANA time zone of the impersonated server: `DATE:` of both `version`
   * answers, and `DST:`/`TZ:`/`TZNOW:` of the Non-Agent one.
   */
  timeZone: string;
  /**
   * The Non-Agent `TZ:` field as VICIdial stores it in `servers.local_gmt`
   * (`-5.00`); null derives it from `timeZone`'s standard offset.
   */
  localGmt: string | null;
  /** System setting `vdc_agent_api_active`: off answers `ERROR: System API NOT ACTIVE` after authentication. */
  agentApiActive: boolean;
  /** System setting `use_non_latin`: letter classes of the input filters accept any Unicode letter. */
  useNonLatin: boolean;
  /**
   * Credential lines show `<auth_api>` and `GOOD` as VICIdial does, which tells
   * a caller whether an account exists and has API access. Off prints every
   * refusal but a lock-out as the wrong-password line with zeros.
   */
  revealAccountState: boolean;
  /**
   * Answer the credential line `ERRSERVERS` while the telephony engine is
   * unreachable (VICIdial: no active telephony server). Off by default: a
   * transient engine outage then shows per function as a telephony failure
   * rather than as a login problem.
   */
  errServersWhenPbxDown: boolean;
  /** POST bodies above this size are ignored, as PHP ignores a body above `post_max_size`. */
  maxBodyBytes: number;
  /**
   * The agent's web phone, as `webphone_url` reports it: a URL template with
   * `{agent}`, `{phone}`, `{conference}` and `{server_ip}` (each URL-encoded).
   * Empty: no web phone (`webphone url is empty`).
   */
  webphoneUrl: string;
  /**
   * The audio-store file transfer_conference LEAVE_VM leaves the customer
   * with (VICIdial: the campaign's answering-machine message).
   */
  voicemailMessage: string;
  /**
   * System setting `outbound_cid_any`: only `API_ONLY` lets external_dial's
   * `outbound_cid` set the caller id; anything else refuses it.
   */
  outboundCidAny: string;
  /**
   * System setting `agent_notifications`: `1` lets send_notification queue
   * alerts; anything else answers `Agent API Notifications are disabled on
   * this system - <setting>`.
   */
  agentNotifications: string;
  /**
   * System setting `sounds_web_server`: the host sounds_list's links name
   * for the sound files (`http://` added when it has no scheme).
   */
  soundsWebServer: string;
}

export const defaultVicidialSettings: VicidialSettings = {
  agentApi: { version: '2.14-82', build: '250122-1010' },
  nonAgentApi: { version: '2.14-202', build: '250720-1841' },
  timeZone: 'UTC',
  localGmt: null,
  agentApiActive: true,
  useNonLatin: false,
  revealAccountState: true,
  errServersWhenPbxDown: false,
  maxBodyBytes: 1024 * 1024,
  webphoneUrl: '',
  voicemailMessage: 'vm-goodbye',
  outboundCidAny: 'DISABLED',
  agentNotifications: '1',
  soundsWebServer: '127.0.0.1',
};

/** Fails at start-up, not on the first request, when a setting cannot work. */
export function checkVicidialSettings(settings: VicidialSettings): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: settings.timeZone });
  } catch {
    throw new Error(`vicidial: unknown time zone '${settings.timeZone}'`);
  }
  if (settings.localGmt !== null && !/^-?\d{1,2}(\.\d{1,2})?$/.test(settings.localGmt)) {
    throw new Error(`vicidial: localGmt '${settings.localGmt}' is not an offset like -5.00`);
  }
  if (!Number.isInteger(settings.maxBodyBytes) || settings.maxBodyBytes < 0) {
    throw new Error('vicidial: maxBodyBytes must be a non-negative integer');
  }
}

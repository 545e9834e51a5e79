import type { HangupSide } from '@pbx-gateway/core';

/** Language of the texts the platform writes into `desc`, `msg` and `codemsg`. */
export type SipcallLanguage = 'en' | 'zh';

/** Settings of the Sip_Call dialect; the server fills them from its configuration. */
export interface SipcallSettings {
  /** `en`: the texts of the English documentation (the seed); `zh`: those of Chinese deployments. */
  language: SipcallLanguage;
  /** Lifetime of a token from `App.Sip_Auth.Login` (the vendor documents 12 hours). */
  tokenTtlMs: number;
  /**
   * `ret` of an unknown service. PhalApi 2 (whose `App.<Class>.<Action>` naming
   * the platform uses) answers 404 (`BadRequestException` with code 4); 400 is
   * the generic "illegal request" of the vendor's error table.
   */
  unknownServiceRet: 400 | 404;
  /** The seed marks `chengshudu` required; false accepts requests without it. */
  requireChengshudu: boolean;
  /**
   * Where offline voice files (`voicetype` 1) live in the engine's sound
   * store; `{companycode}` is replaced by the company's code, so one company
   * cannot play another's files.
   */
  offlineVoiceDirectory: string;
  /** Extensions a client may put on an offline voice file name; they are dropped (the engine picks the format). */
  offlineVoiceExtensions: readonly string[];
  /** PhalApi's JSON response header. */
  contentType: string;
  /** Encode JSON as PHP's `json_encode` does by default (`\/`, `\uXXXX` for non-ASCII); false writes plain UTF-8. */
  phpJsonEscaping: boolean;
  /** Paths owned by other dialects: never answered here, even with a `service` parameter. */
  reservedPaths: readonly string[];
  /** Refuse services missing from the API user's permissions with `ret 603` (module not licensed). */
  checkPermissions: boolean;
  /** Largest request body read, in bytes. */
  maxBodyBytes: number;
  /**
   * Download address of a recording (GetRecodeFile): `{downloadip}` is the
   * company's recording host (as CDR `downloadip`), `{recordfilename}` the
   * file's name as the CDR gives it, each path segment URL-encoded.
   */
  recordingUrl: string;
  callbacks: SipcallCallbackSettings;
}

export interface SipcallCallbackSettings {
  /** Receivers used when the company (API user) names none in its attributes; null: send nothing. */
  statusCallbackUrl: string | null;
  cdrCallbackUrl: string | null;
  /** Platform node address reported as `ip` (status) when the company has no `nodeIp` attribute. */
  nodeIp: string;
  /** Reported as `downloadip` (CDR) when the company has no `downloadIp` attribute; null: the node IP. */
  downloadIp: string | null;
  /** Adds `customuuid` and `type` after the seed's 13 status keys (newer vendor documents list them). */
  statusExtras: boolean;
  /** `method` of status callbacks for calls started through the API (1 extension, 2 manual, 3 API, 4 double call, 5 predictive). */
  statusMethod: string;
  /** Zone of the `YYYY-MM-DD HH:MM:SS` times of CDRs (the platform reports Beijing time). */
  timeZone: string;
  /** The seed's CDR has `companycode` as a number; false sends the string. */
  cdrCompanycodeAsNumber: boolean;
  /** Q.850 cause of the call → CDR `hangupcause`. */
  hangupCauses: Readonly<Record<string, number>>;
  /** `hangupcause` for a Q.850 cause missing from the table. */
  hangupCauseDefault: { answered: number; unanswered: number };
  /** Who ended the call → CDR `hangupdirection`. */
  hangupDirections: Readonly<Record<HangupSide, number>>;
  /** Content-Type of callback requests. */
  contentType: string;
}

export const defaultSipcallSettings: SipcallSettings = {
  language: 'en',
  tokenTtlMs: 12 * 60 * 60 * 1000,
  unknownServiceRet: 404,
  requireChengshudu: true,
  offlineVoiceDirectory: 'sipcall/{companycode}/',
  offlineVoiceExtensions: ['wav', 'mp3', 'gsm', 'ulaw', 'alaw', 'sln', 'sln16', 'g722', 'g729', 'ogg', 'wav16'],
  contentType: 'application/json;charset=utf-8',
  phpJsonEscaping: true,
  reservedPaths: ['/agc', '/vicidial', '/api/api.php', '/agentgateway'],
  checkPermissions: false,
  maxBodyBytes: 256 * 1024,
  recordingUrl: 'http://{downloadip}/{recordfilename}',
  callbacks: {
    statusCallbackUrl: null,
    cdrCallbackUrl: null,
    nodeIp: '',
    downloadIp: null,
    statusExtras: true,
    statusMethod: '3',
    timeZone: 'Asia/Shanghai',
    cdrCompanycodeAsNumber: true,
    hangupCauses: {
      // normal clearing
      '16': 10001,
      '31': 10001,
      // busy, no response, no answer, rejected
      '17': 10020,
      '18': 10020,
      '19': 10020,
      '21': 10020,
      // unallocated or invalid number, no route
      '1': 10020,
      '3': 10020,
      '28': 10020,
      // network trouble
      '34': 10020,
      '38': 10020,
      '41': 10020,
      '42': 10020,
    },
    hangupCauseDefault: { answered: 10001, unanswered: 10020 },
    hangupDirections: { caller: 10015, callee: 10040, system: 10040 },
    contentType: 'application/json',
  },
};

/** Settings as configuration gives them: any subset, callbacks included. */
export type SipcallSettingsInput = Partial<Omit<SipcallSettings, 'callbacks'>> & { callbacks?: Partial<SipcallCallbackSettings> };

/**
 * Completes partial settings with the defaults and refuses values that would
 * only fail later, on the wire (an unknown time zone, a non-positive TTL).
 */
export function resolveSipcallSettings(partial: SipcallSettingsInput = {}): SipcallSettings {
  const settings: SipcallSettings = {
    ...defaultSipcallSettings,
    ...partial,
    callbacks: { ...defaultSipcallSettings.callbacks, ...(partial.callbacks ?? {}) },
  };
  if (settings.language !== 'en' && settings.language !== 'zh') throw new Error(`sipcall: unknown language ${String(settings.language)}`);
  if (!Number.isFinite(settings.tokenTtlMs) || settings.tokenTtlMs <= 0) throw new Error('sipcall: tokenTtlMs must be positive');
  if (settings.unknownServiceRet !== 400 && settings.unknownServiceRet !== 404) throw new Error('sipcall: unknownServiceRet must be 400 or 404');
  if (!Number.isInteger(settings.maxBodyBytes) || settings.maxBodyBytes <= 0) throw new Error('sipcall: maxBodyBytes must be a positive integer');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: settings.callbacks.timeZone });
  } catch {
    throw new Error(`sipcall: unknown time zone ${settings.callbacks.timeZone}`);
  }
  return settings;
}

import type { JSONSchemaType, ValidateFunction } from 'ajv';
import type { InputCheck, RequestParams } from '@pbx-gateway/dialect-kit';
import { said, type WireError } from '../errors';
import { badRequest } from '../messages';
import type { SipcallSettings } from '../settings';
import { CUSTOMUUID, DISNUMBER, PHONE_NUMBER, TEXT64 } from './call-params';
import { paramsFailure, paramsInput, PRINTABLE, type ParamRule } from './params';

/**
 * PlayVoice's three variants answer one service name; which one a request is
 * follows from its parameters (spec §5.3): `appid` ⇒ the batch IVR, `userid`
 * ⇒ the voice menu (the seed), else the play-and-hang-up call.
 */

/** The voice menu (the seed). */
export interface MenuParams {
  destnumber: string;
  voicetype: string;
  voicefile: string;
  chengshudu?: string;
  userid: string;
  disnumber?: string;
  customuuid?: string;
  memberid?: string;
}

/** Parameters the played call (one number or a batch) takes besides its numbers. */
interface PlayedParams {
  voicetype: string;
  voicefile: string;
  ext?: string;
  chengshudu?: string;
  waittime?: string;
  conntime?: string;
  disnumber?: string;
  customuuid?: string;
  memberid?: string;
}

/** Play and hang up, one number (ShowDoc "播放IVR语音"). */
export interface PlayParams extends PlayedParams {
  destnumber: string;
}

/** The batch IVR: the account's credentials instead of a token, a list of numbers. */
export interface BatchParams extends PlayedParams {
  appid: string;
  accesskey: string;
  nationcode: string;
  destnumber: string;
  userkey?: string;
  todayonly?: string;
}

export type PlayVoiceRequest =
  | { variant: 'menu'; params: MenuParams }
  | { variant: 'play'; params: PlayParams }
  | { variant: 'batch'; params: BatchParams; numbers: string[] };

/** The request of one variant, or its first failing parameter as PhalApi words it. */
export type PlayVoiceReading = { ok: true; request: PlayVoiceRequest } | { ok: false; wire: WireError };

/** Countries of the batch endpoint (its `nationcode` values). */
export const NATION_CODES = ['in', 'id', 'ph', 'mx', 'co', 'tha'] as const;
/** Numbers one batch may list. */
export const MAX_BATCH_NUMBERS = 5000;
/** Longest ring (`waittime`) and talk (`conntime`) limits, seconds. */
export const MAX_WAITTIME = 300;
export const MAX_CONNTIME = 86400;

const VOICETYPE = { type: 'string', enum: ['1', '2'] } as const;
const VOICEFILE = { type: 'string', maxLength: 1024, pattern: PRINTABLE } as const;
// 1 to 300 and 1 to 86400, digits only, no leading zero.
const WAITTIME = { type: 'string', pattern: '^(?:[1-9][0-9]?|[12][0-9]{2}|300)$', nullable: true } as const;
const CONNTIME = { type: 'string', pattern: '^(?:[1-9][0-9]{0,3}|[1-7][0-9]{4}|8[0-5][0-9]{3}|86[0-3][0-9]{2}|86400)$', nullable: true } as const;

const menuSchema: JSONSchemaType<MenuParams> = {
  type: 'object',
  properties: {
    destnumber: PHONE_NUMBER,
    voicetype: VOICETYPE,
    voicefile: VOICEFILE,
    chengshudu: TEXT64,
    // `<key>@<extension group>`: the key (one digit, `*` or `#`, or nothing) before the first `@`.
    userid: { type: 'string', maxLength: 100, pattern: '^[0-9*#]?@[^\\u0000-\\u001f\\u007f]+$' },
    disnumber: DISNUMBER,
    customuuid: CUSTOMUUID,
    memberid: TEXT64,
  },
  required: ['destnumber', 'voicetype', 'voicefile', 'userid'],
};

const playedProperties = {
  voicetype: VOICETYPE,
  voicefile: VOICEFILE,
  ext: TEXT64,
  chengshudu: TEXT64,
  waittime: WAITTIME,
  conntime: CONNTIME,
  disnumber: DISNUMBER,
  customuuid: CUSTOMUUID,
  memberid: TEXT64,
} as const;

const playSchema: JSONSchemaType<PlayParams> = {
  type: 'object',
  properties: { destnumber: PHONE_NUMBER, ...playedProperties },
  required: ['destnumber', 'voicetype', 'voicefile'],
};

const batchSchema: JSONSchemaType<BatchParams> = {
  type: 'object',
  properties: {
    appid: { type: 'string', maxLength: 64, pattern: PRINTABLE },
    accesskey: { type: 'string', maxLength: 128, pattern: PRINTABLE },
    nationcode: { type: 'string', enum: [...NATION_CODES] },
    // 5000 numbers of up to 32 characters and their commas; each is read below.
    destnumber: { type: 'string', maxLength: MAX_BATCH_NUMBERS * 33, pattern: PRINTABLE },
    userkey: { type: 'string', enum: ['0', '1'], nullable: true },
    todayonly: { type: 'string', enum: ['1', '2'], nullable: true },
    ...playedProperties,
  },
  required: ['appid', 'accesskey', 'nationcode', 'destnumber', 'voicetype', 'voicefile'],
};

const chars = { key: 'invalidCharacters' } as const;
const seconds = (max: number): ParamRule['invalid'] => ({ key: 'invalidPageNumber', vars: { max } });

// Each variant's documented order: PhalApi reports the first failing rule.
const menuRules: readonly ParamRule[] = [
  { name: 'destnumber', invalid: chars },
  { name: 'voicetype', invalid: 'range', range: ['1', '2'] },
  { name: 'voicefile', invalid: chars },
  { name: 'chengshudu', invalid: chars },
  { name: 'userid', invalid: { key: 'invalidUserid' } },
  { name: 'disnumber', invalid: { key: 'invalidDisnumber' } },
  { name: 'customuuid', invalid: chars },
  { name: 'memberid', invalid: chars },
];

const playedRules: readonly ParamRule[] = [
  { name: 'voicetype', invalid: 'range', range: ['1', '2'] },
  { name: 'voicefile', invalid: chars },
  { name: 'ext', invalid: chars },
  { name: 'chengshudu', invalid: chars },
  { name: 'waittime', invalid: seconds(MAX_WAITTIME) },
  { name: 'conntime', invalid: seconds(MAX_CONNTIME) },
  { name: 'disnumber', invalid: { key: 'invalidDisnumber' } },
  { name: 'customuuid', invalid: chars },
  { name: 'memberid', invalid: chars },
];

const playRules: readonly ParamRule[] = [{ name: 'destnumber', invalid: chars }, ...playedRules];

const batchRules: readonly ParamRule[] = [
  { name: 'appid', invalid: chars },
  { name: 'accesskey', invalid: chars },
  { name: 'nationcode', invalid: 'range', range: NATION_CODES },
  { name: 'destnumber', invalid: { key: 'invalidNumberList' } },
  { name: 'userkey', invalid: 'range', range: ['0', '1'] },
  { name: 'todayonly', invalid: 'range', range: ['1', '2'] },
  ...playedRules,
];

// One number of a batch: a phone number as `disnumber` is one (the core refuses what it cannot dial).
const LISTED_NUMBER = /^\+?[0-9*#]{1,32}$/;

/** Reads PlayVoice's parameters as the variant they make up. */
export function playVoiceReader(
  compile: <T>(schema: JSONSchemaType<T>) => ValidateFunction<T>,
  settings: Pick<SipcallSettings, 'language' | 'requireChengshudu'>,
): (params: RequestParams) => PlayVoiceReading {
  const { language } = settings;
  // The seed marks `chengshudu` required; `requireChengshudu: false` drops that (ajv's types cannot say "required though optional").
  const strictMenu = { ...menuSchema, required: [...menuSchema.required, 'chengshudu'] } as unknown as JSONSchemaType<MenuParams>;
  const menu = paramsInput(compile(settings.requireChengshudu ? strictMenu : menuSchema), menuRules);
  const play = paramsInput(compile(playSchema), playRules);
  const batch = paramsInput(compile(batchSchema), batchRules);
  const read = <T>(check: InputCheck<RequestParams, T>, rules: readonly ParamRule[], params: RequestParams): { ok: true; value: T } | { ok: false; wire: WireError } => {
    const checked = check(params);
    return checked.ok ? checked : { ok: false, wire: paramsFailure(rules, checked.errors, language) };
  };
  const given = (params: RequestParams, name: string): boolean => params[name] !== undefined && params[name] !== '';
  return (params) => {
    if (given(params, 'appid')) {
      const checked = read(batch, batchRules, params);
      if (!checked.ok) return checked;
      const numbers = checked.value.destnumber
        .split(',')
        .map((number) => number.trim())
        .filter((number) => number !== '');
      if (numbers.length === 0 || numbers.some((number) => !LISTED_NUMBER.test(number))) {
        return { ok: false, wire: said(400, badRequest(language, 'invalidNumberList', { name: 'destnumber' })) };
      }
      if (numbers.length > MAX_BATCH_NUMBERS) {
        return { ok: false, wire: said(400, badRequest(language, 'tooManyNumbers', { name: 'destnumber', max: MAX_BATCH_NUMBERS, value: numbers.length })) };
      }
      return { ok: true, request: { variant: 'batch', params: checked.value, numbers } };
    }
    if (given(params, 'userid')) {
      const checked = read(menu, menuRules, params);
      return checked.ok ? { ok: true, request: { variant: 'menu', params: checked.value } } : checked;
    }
    const checked = read(play, playRules, params);
    return checked.ok ? { ok: true, request: { variant: 'play', params: checked.value } } : checked;
  };
}

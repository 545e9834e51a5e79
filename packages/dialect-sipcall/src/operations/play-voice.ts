import type { JSONSchemaType } from 'ajv';
import { isDomainError, type JsonObject, type MediaRequest } from '@pbx-gateway/core';
import { attribute, authorizeToken, COMPANY_ATTRIBUTES } from '../auth';
import { errorEnvelope } from '../errors';
import { badRequest, text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success, transportError, type Answer } from '../wire/envelope';
import { checkParams, PRINTABLE, type ParamRule } from '../wire/params';
import { voiceUrl } from '../wire/voice-url';
import type { ServiceFactory } from './service';

interface PlayVoiceParams {
  destnumber: string;
  voicetype: string;
  voicefile: string;
  chengshudu?: string;
  userid: string;
  disnumber?: string;
  customuuid?: string;
  memberid?: string;
}

const text64 = { type: 'string', maxLength: 64, pattern: PRINTABLE, nullable: true } as const;

const schema: JSONSchemaType<PlayVoiceParams> = {
  type: 'object',
  properties: {
    destnumber: { type: 'string', maxLength: 32, pattern: PRINTABLE },
    voicetype: { type: 'string', enum: ['1', '2'] },
    voicefile: { type: 'string', maxLength: 1024, pattern: PRINTABLE },
    chengshudu: text64,
    // `<key>@<extension group>`: the key (one digit, `*` or `#`, or nothing) before the first `@`.
    userid: { type: 'string', maxLength: 100, pattern: '^[0-9*#]?@[^\\u0000-\\u001f\\u007f]+$' },
    disnumber: { type: 'string', maxLength: 32, pattern: '^\\+?[0-9*#]{1,32}$', nullable: true },
    customuuid: { type: 'string', maxLength: 255, pattern: PRINTABLE, nullable: true },
    memberid: text64,
  },
  required: ['destnumber', 'voicetype', 'voicefile', 'userid'],
};

/** The seed marks `chengshudu` required; `requireChengshudu: false` drops that. */
const strictSchema = { ...schema, required: [...schema.required, 'chengshudu'] };

// The seed's parameter order: PhalApi reports the first failing rule.
const rules: readonly ParamRule[] = [
  { name: 'destnumber', invalid: { key: 'invalidCharacters' } },
  { name: 'voicetype', invalid: 'range', range: ['1', '2'] },
  { name: 'voicefile', invalid: { key: 'invalidCharacters' } },
  { name: 'chengshudu', invalid: { key: 'invalidCharacters' } },
  { name: 'userid', invalid: { key: 'invalidUserid' } },
  { name: 'disnumber', invalid: { key: 'invalidDisnumber' } },
  { name: 'customuuid', invalid: { key: 'invalidCharacters' } },
  { name: 'memberid', invalid: { key: 'invalidCharacters' } },
];

/**
 * `App.Sip_Call.PlayVoice` (the seed): calls `destnumber`, plays the voice
 * file when it answers, and on the key of `userid` (or, with no key, when
 * the audio ends) rings every extension of the group; the first to answer
 * gets the caller. The answer only acknowledges the command; the call is
 * followed through the status and CDR callbacks.
 */
export const createPlayVoiceService: ServiceFactory = (ajv, settings) => {
  const validateStrict = ajv.compile<PlayVoiceParams>(strictSchema);
  const validateLenient = ajv.compile(schema);
  return {
    operation: 'PlayVoice',
    name: 'App.Sip_Call.PlayVoice',
    async run({ core, params, reqtime, service, remoteAddress }): Promise<Answer> {
      const language = settings.language;
      const checked = checkParams(settings.requireChengshudu ? validateStrict : validateLenient, rules, params, language);
      if (!checked.ok) return transportError(400, checked.msg);
      const request = checked.value;

      const authorization = await authorizeToken(core, settings, { token: params.token, service, remoteAddress });
      if (!authorization.ok) return { envelope: authorization.envelope };
      const user = authorization.user;
      const companycode = attribute(user, COMPANY_ATTRIBUTES.code);

      const media = mediaOf(request, companycode, settings);
      if (!media) {
        const reason = request.voicetype === '1' ? 'invalidVoiceName' : 'invalidVoiceUrl';
        return { ...transportError(400, badRequest(language, reason)), apiUserId: user.id };
      }
      const at = request.userid.indexOf('@');
      try {
        await core.startVoiceMenuCall({
          destination: request.destnumber,
          callerId: request.disnumber ?? null,
          media,
          transferKey: request.userid.slice(0, at),
          groupName: request.userid.slice(at + 1),
          tenant: companycode === '' ? null : companycode,
          data: echoData(request),
          origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: user.id },
        });
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return { envelope: errorEnvelope(error, 'PlayVoice', language, reqtime, core.clock.now()), apiUserId: user.id };
      }
      return { envelope: success(text(language, 'playVoiceDone'), reqtime, core.clock.now()), apiUserId: user.id };
    },
  };
};

/** Client data the CDR callback echoes; absent ones are left out (the callback writes `"0"`). */
function echoData(request: PlayVoiceParams): JsonObject {
  const data: JsonObject = {};
  if (request.customuuid !== undefined) data.customuuid = request.customuuid;
  if (request.chengshudu !== undefined) data.chengshudu = request.chengshudu;
  if (request.memberid !== undefined) data.memberid = request.memberid;
  return data;
}

// An uploaded file's name: no path, no dots but one known extension, nothing for a shell or a URI.
const VOICE_NAME = /^([A-Za-z0-9][A-Za-z0-9_-]{0,99})(?:\.([A-Za-z0-9]{1,8}))?$/;

/** The audio to play, or null when `voicefile` is not acceptable for its `voicetype`. */
function mediaOf(request: PlayVoiceParams, companycode: string, settings: SipcallSettings): MediaRequest | null {
  if (request.voicetype === '2') {
    const url = voiceUrl(request.voicefile);
    return url === null ? null : { kind: 'url', url };
  }
  const match = VOICE_NAME.exec(request.voicefile);
  if (!match) return null;
  const extension = match[2]?.toLowerCase();
  if (extension !== undefined && !settings.offlineVoiceExtensions.some((allowed) => allowed.toLowerCase() === extension)) return null;
  const directory = settings.offlineVoiceDirectory.replace(/\{companycode\}/g, companycode).replace(/\/{2,}/g, '/').replace(/^\/+/, '');
  return { kind: 'sound', name: `${directory}${match[1]!}` };
}

import type { JSONSchemaType } from 'ajv';
import type { MediaRequest } from '@pbx-gateway/core';
import { attribute, COMPANY_ATTRIBUTES, tenantOf } from '../auth';
import { said } from '../errors';
import { badRequest, text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { paramsFailure, paramsInput, PRINTABLE, type ParamRule } from '../wire/params';
import { voiceUrl } from '../wire/voice-url';
import { echoData } from '../wire/call-params';
import { companyOf, refuse, serviceKind, type SipcallService } from './service';

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

/**
 * The seed marks `chengshudu` required; `requireChengshudu: false` drops that.
 * What passes the strict schema also passes the lenient one, so it checks the
 * same parameters (ajv's types cannot say "required though optional").
 */
const strictSchema = { ...schema, required: [...schema.required, 'chengshudu'] } as unknown as JSONSchemaType<PlayVoiceParams>;

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
export function playVoice(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const input = paramsInput(kind.compile(settings.requireChengshudu ? strictSchema : schema), rules);
  return kind.define({
    name: 'App.Sip_Call.PlayVoice',
    partial: 'the voice-menu call only: the batch IVR variant (a list of numbers, `nationcode`, `userkey`) and the play-and-hang-up variant (no `userid`) are answered `ret 400`',
    service: 'App.Sip_Call.PlayVoice',
    auth: 'token',
    input,
    invalidInput: (errors) => paramsFailure(rules, errors, language),
    async run(ctx, request): Promise<void> {
      const user = companyOf(ctx);
      const companycode = attribute(user, COMPANY_ATTRIBUTES.code);
      const media = mediaOf(request, companycode, settings);
      if (!media) throw refuse(said(400, badRequest(language, request.voicetype === '1' ? 'invalidVoiceName' : 'invalidVoiceUrl')));
      const at = request.userid.indexOf('@');
      await ctx.core.startVoiceMenuCall({
        destination: request.destnumber,
        callerId: request.disnumber ?? null,
        media,
        transferKey: request.userid.slice(0, at),
        groupName: request.userid.slice(at + 1),
        tenant: tenantOf(user),
        data: echoData({ customuuid: request.customuuid, chengshudu: request.chengshudu, memberid: request.memberid }),
        origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: user.id },
      });
    },
    render: (_done, ctx) => success(text(language, 'playVoiceDone'), ctx.reqtime, ctx.core.clock.now()),
  });
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

import { attribute, authorizeCredentials, authorizeToken, COMPANY_ATTRIBUTES, tenantOf } from '../auth';
import { said } from '../errors';
import { badRequest, text } from '../messages';
import type { SipcallSettings } from '../settings';
import { success } from '../wire/envelope';
import { echoData } from '../wire/call-params';
import { playVoiceReader, type PlayVoiceReading, type PlayVoiceRequest } from '../wire/play-voice-params';
import { voiceMediaOf } from '../wire/voice-media';
import { localDayEnd } from '../wire/time';
import { refuse, serviceKind, type ServiceContext, type SipcallService } from './service';
import type { ApiUser, MediaRequest, VoiceBroadcastPlan } from '@pbx-gateway/core';

/**
 * `App.Sip_Call.PlayVoice`, in its three variants (wire/play-voice-params):
 * - the voice menu (the seed, `userid`): calls `destnumber`, plays the voice
 *   file, and on the key of `userid` (or, with no key, when the audio ends)
 *   rings every extension of the group; the first to answer gets the caller;
 * - play and hang up (no `userid`): calls `destnumber`, plays the voice file,
 *   hangs up (`waittime` ring and `conntime` talk limits);
 * - the batch IVR (`appid` + `accesskey` instead of a token): the same played
 *   call to each number of the list, paced by the core, `userkey` 1 taking a
 *   key, `todayonly` 1 dropping numbers not dialled by the end of the day.
 * The answer only acknowledges the command; each call is followed through the
 * status and CDR callbacks.
 */
export function playVoice(settings: SipcallSettings): SipcallService {
  const kind = serviceKind(settings);
  const language = settings.language;
  const read = playVoiceReader((schema) => kind.compile(schema), settings);
  return kind.define({
    name: 'App.Sip_Call.PlayVoice',
    service: 'App.Sip_Call.PlayVoice',
    // The variant decides how the caller is checked (a token, or the account's credentials): done in `run`, after the parameters.
    auth: 'none',
    input: (params) => ({ ok: true, value: read(params) }),
    async run(ctx, reading: PlayVoiceReading): Promise<void> {
      if (!reading.ok) throw refuse(reading.wire);
      const { request } = reading;
      const user = await caller(ctx, request);
      const media = voiceMediaOf(request.params, attribute(user, COMPANY_ATTRIBUTES.code), settings);
      if (!media) throw refuse(said(400, badRequest(language, request.params.voicetype === '1' ? 'invalidVoiceName' : 'invalidVoiceUrl')));
      const origin = { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: user.id };
      if (request.variant === 'menu') {
        const { params } = request;
        const at = params.userid.indexOf('@');
        await ctx.core.startVoiceMenuCall({
          destination: params.destnumber,
          callerId: params.disnumber ?? null,
          media,
          transferKey: params.userid.slice(0, at),
          groupName: params.userid.slice(at + 1),
          tenant: tenantOf(user),
          data: echoData({ customuuid: params.customuuid, chengshudu: params.chengshudu, memberid: params.memberid }),
          origin,
        });
        return;
      }
      const plan = playedPlan(request, user, media, origin);
      if (request.variant === 'play') {
        await ctx.core.startVoiceBroadcastCall({ ...plan, destination: request.params.destnumber });
        return;
      }
      const today = (request.params.todayonly ?? '1') === '1';
      await ctx.core.startVoiceBroadcastBatch({
        ...plan,
        destinations: request.numbers,
        dialUntil: today ? localDayEnd(ctx.core.clock.now(), settings.callbacks.timeZone) : null,
      });
    },
    render: (_done, ctx) => success(text(language, 'playVoiceDone'), ctx.reqtime, ctx.core.clock.now()),
  });

  /** The company: by its token (menu, play and hang up) or its credentials (batch); noted for the API log. */
  async function caller(ctx: ServiceContext, request: PlayVoiceRequest): Promise<ApiUser> {
    const { core, service, remoteAddress } = ctx;
    let user: ApiUser;
    if (request.variant === 'batch') {
      user = await authorizeCredentials(core, settings, { appid: request.params.appid, accesskey: request.params.accesskey, service, remoteAddress });
    } else {
      const authorization = await authorizeToken(core, settings, { token: ctx.params.token, service, remoteAddress });
      if (!authorization.ok) throw refuse(authorization.wire);
      user = authorization.user;
    }
    ctx.company = user;
    ctx.apiUserId = user.id;
    return user;
  }
}

/** What a played call (one number or each of a batch) plays, shows and echoes. */
function playedPlan(
  request: Exclude<PlayVoiceRequest, { variant: 'menu' }>,
  user: ApiUser,
  media: MediaRequest,
  origin: VoiceBroadcastPlan['origin'],
): VoiceBroadcastPlan {
  const { params } = request;
  const seconds = (value: string | undefined): number | null => (value === undefined ? null : Number(value));
  const data = echoData({ customuuid: params.customuuid, chengshudu: params.ext ?? params.chengshudu, memberid: params.memberid });
  if (request.variant === 'batch') data.nationcode = request.params.nationcode;
  return {
    callerId: params.disnumber ?? null,
    media,
    collectKey: request.variant === 'batch' && request.params.userkey === '1',
    ringSec: seconds(params.waittime),
    talkLimitSec: seconds(params.conntime),
    tenant: tenantOf(user),
    data,
    origin,
  };
}

import type { LeadCallback } from '@pbx-gateway/core';
import { LEAD_PARAM_FILTERS } from '../agent-api/lead-params';
import { keptCallbackTexts } from '../wire/kept-lead-values';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import { parseLocalDateTime, serverTime } from '../wire/server-time';
import type { NonAgentContext } from './operation';
import { IDENTIFIER, type NonAgentParams } from './params';

/** The callback parameters of the lead functions (`callback=Y` schedules one). */
export interface CallbackParams {
  asked: boolean;
  status: string;
  datetime: string;
  type: string;
  user: string;
  comments: string;
}

export function readCallbackParams(params: NonAgentParams): CallbackParams {
  const type = params.read('callback_type', { keep: 'A-Z' });
  return {
    asked: params.read('callback', { keep: 'A-Z' }) === 'Y',
    status: params.read('callback_status', IDENTIFIER) || 'CALLBK',
    datetime: params.read('callback_datetime', LEAD_PARAM_FILTERS.callback_datetime),
    type: type === 'USERONLY' ? 'USERONLY' : 'ANYONE',
    user: params.read('callback_user', IDENTIFIER) || params.read('user', IDENTIFIER),
    comments: params.read('callback_comments', LEAD_PARAM_FILTERS.callback_comments),
  };
}

/** `<n>DAYS` from now. */
const DAYS = /^(\d+)DAYS$/;

/**
 * The callback asked with the lead (`callback=Y`), as the core schedules it
 * and the NOTICE line shows it, or the NOTICE that it is not added: the
 * list has no campaign, or a USERONLY callback names no agent.
 */
export async function callbackOf(ctx: NonAgentContext, listId: string, asked: CallbackParams): Promise<{ callback: LeadCallback | null; campaignId: string; refused: ((leadId: number) => string) | null; shown: string }> {
  const list = await ctx.core.getLeadList(Number(listId));
  const campaignId = utf8ToBytes(list?.campaignId ?? '');
  const none = { callback: null, campaignId, shown: '' };
  if (!list) return { ...none, refused: (leadId) => `NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - ${leadId}|${campaignId}` };
  if (asked.type === 'USERONLY' && !(await ctx.core.getAgent(bytesToText(asked.user)))) {
    return { ...none, refused: (leadId) => `NOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - ${leadId}|${campaignId}|${asked.user}|${asked.type}` };
  }
  const days = DAYS.exec(asked.datetime);
  const now = ctx.now;
  // A time the server cannot read is taken as due now: the callback is kept rather than lost.
  const at = days ? new Date(now.getTime() + Number(days[1]) * 86_400_000) : (parseLocalDateTime(bytesToText(asked.datetime), ctx.settings.timeZone) ?? now);
  return {
    // Kept as VICIdial's non-strict MySQL keeps them; the NOTICE line echoes them as sent.
    callback: keptCallbackTexts<LeadCallback>({ at, recipient: asked.type === 'USERONLY' ? 'USERONLY' : 'ANYONE', agentId: bytesToText(asked.user), status: bytesToText(asked.status), comments: bytesToText(asked.comments) }),
    campaignId,
    refused: null,
    shown: serverTime(at, ctx.settings.timeZone).local,
  };
}

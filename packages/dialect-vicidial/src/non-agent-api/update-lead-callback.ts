import type { CallbackChanges } from '@pbx-gateway/core';
import { LEAD_PARAM_FILTERS } from '../agent-api/lead-params';
import { keptCallbackTexts } from '../wire/kept-lead-values';
import { bytesToText } from '../wire/php-params';
import { parseLocalDateTime, serverTime } from '../wire/server-time';
import type { NonAgentContext } from './operation';
import { IDENTIFIER, type NonAgentParams } from './params';

/** update_lead's callback parameters as sent (empty when not given): the lines echo them so. */
export interface UpdateLeadCallbackParams {
  /** `Y` schedules or changes a callback, `REMOVE` deletes the lead's callbacks. */
  action: string;
  datetime: string;
  campaignId: string;
  status: string;
  comments: string;
  type: string;
  user: string;
}

export function readUpdateLeadCallbackParams(params: NonAgentParams): UpdateLeadCallbackParams {
  return {
    action: params.read('callback', { keep: 'A-Z' }),
    datetime: params.read('callback_datetime', LEAD_PARAM_FILTERS.callback_datetime),
    campaignId: params.read('campaign_id', IDENTIFIER),
    status: params.read('callback_status', IDENTIFIER),
    comments: params.read('callback_comments', LEAD_PARAM_FILTERS.callback_comments),
    type: params.read('callback_type', { keep: 'A-Z' }),
    user: params.read('callback_user', IDENTIFIER),
  };
}

const DAYS = /(\d+)DAYS$/i;

/**
 * `NOW` and `<n>DAYS` become the local time they name (and are echoed so);
 * any other text is echoed as sent and read as a local time, a time the
 * server cannot read being taken as due now, so that the callback is kept.
 */
export function callbackTime(ctx: NonAgentContext, datetime: string): { at: Date; shown: string } {
  const now = ctx.now;
  const local = (at: Date) => ({ at, shown: serverTime(at, ctx.settings.timeZone).local });
  if (datetime === 'NOW') return local(now);
  const days = DAYS.exec(datetime);
  if (days) return local(new Date(now.getTime() + Number(days[1]) * 86_400_000));
  return { at: parseLocalDateTime(bytesToText(datetime), ctx.settings.timeZone) ?? now, shown: datetime };
}

/** The changes a request gives to an existing callback (the fields sent), and the time as echoed. */
export function callbackChangesOf(ctx: NonAgentContext, asked: UpdateLeadCallbackParams): { changes: CallbackChanges; shownTime: string } {
  const changes: CallbackChanges = {};
  let shownTime = asked.datetime;
  if (asked.datetime !== '') {
    const time = callbackTime(ctx, asked.datetime);
    changes.at = time.at;
    shownTime = time.shown;
  }
  if (asked.campaignId !== '') changes.campaignId = bytesToText(asked.campaignId);
  if (asked.status !== '') changes.status = bytesToText(asked.status);
  if (asked.comments !== '') changes.comments = bytesToText(asked.comments);
  if (asked.type !== '') changes.recipient = asked.type === 'USERONLY' ? 'USERONLY' : 'ANYONE';
  if (asked.user !== '') changes.agentId = bytesToText(asked.user);
  // Kept as VICIdial's non-strict MySQL keeps them; the NOTICE line echoes them as sent.
  return { changes: keptCallbackTexts(changes), shownTime };
}

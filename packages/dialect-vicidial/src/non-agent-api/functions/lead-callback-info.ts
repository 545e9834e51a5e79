import { hoursNow, localTimeAt, mayWorkWithCampaign, type Callback } from '@pbx-gateway/core';
import { utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { printedGmtOffset } from '../../wire/gmt-offset';
import { agentGroupOf } from '../agent-report';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

const COLUMNS = [
  'lead_id',
  'callback_type',
  'recipient',
  'callback_status',
  'lead_status',
  'callback_date',
  'entry_date',
  'user',
  'list_id',
  'campaign_id',
  'user_group',
  'customer_timezone',
  'customer_time',
  'comments',
] as const;

/** The function's own separators: csv, tab, newline, pipe; anything else is a pipe, and is echoed as `pipe`. */
const SEPARATORS: Readonly<Record<string, string>> = { csv: ',', tab: '\t', newline: '\n', pipe: '|' };

/** A lead number of at most 11 digits, as VICIdial searches by it. */
const LONGEST_LEAD_ID = 11;

/** VICIdial prints its answer only when it is longer than this (the header alone is shorter). */
const SHORTEST_ANSWER = { plain: 10, withHeader: 170 } as const;

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: '0-9' }),
  stage: params.read('stage', { keep: '-_0-9a-zA-Z' }),
  header: params.read('header', { keep: '0-9{L}' }),
  searchLocation: params.read('search_location', { keep: 'A-Z' }),
}));

/**
 * Whether a restricted caller may see a callback: its list must belong to
 * a campaign its group allows (a group that does not exist allows none).
 */
async function callbackVisible(ctx: NonAgentContext): Promise<(callback: Callback) => Promise<boolean>> {
  if (!ctx.apiUser.apiListRestrict) return async () => true;
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  return async (callback) => {
    if (!group) return false;
    const list = await ctx.core.getLeadList(callback.listId);
    return list !== null && mayWorkWithCampaign(group, list.campaignId);
  };
}

/** The user group VICIdial keeps with a callback: that of the user who scheduled it (an agent, or the API user itself). */
async function userGroupOf(ctx: NonAgentContext, agentId: string): Promise<string> {
  const agent = await ctx.core.getAgent(agentId);
  if (agent) return agentGroupOf(agent);
  return agentId === ctx.apiUser.login ? ctx.apiUser.group : '';
}

/**
 * The customer's time zone and time of a callback: its lead's GMT offset
 * at the callback's time, as VICIdial prints one, and the callback's time
 * at that offset; both empty when the lead or its country's phone codes
 * are unknown.
 */
async function customerTime(ctx: NonAgentContext, callback: Callback): Promise<[string, string]> {
  const lead = await ctx.core.getLead(callback.leadId);
  const offset = lead && (await ctx.core.numberGmtOffset(lead, 'areaCode', callback.callbackAt));
  if (!offset) return ['', ''];
  const local = localTimeAt(callback.callbackAt, hoursNow(offset)).toISOString();
  return [printedGmtOffset(offset), `${local.slice(0, 10)} ${local.slice(11, 19)}`];
}

/**
 * lead_callback_info: the callbacks of a lead, each as a row: with
 * `search_location` ARCHIVE or ALL its archived callbacks (type ARCHIVE:
 * those removed, or of the lead while it was deleted or archived) first,
 * then with CURRENT (the default), ALL or none its waiting ones (type
 * CURRENT), each kind the first scheduled first, whatever their state.
 * The customer's time zone and time are the lead's number's GMT offset at
 * the callback's time and the callback's time there (empty when no phone
 * code of its country is known).
 */
export const leadCallbackInfo = defineNonAgentFunction({
  name: 'lead_callback_info',
  function: 'lead_callback_info',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: lead_callback_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { leadId, searchLocation, header } = input;
    if (leadId === '' || leadId.length > LONGEST_LEAD_ID) throw refuse(`ERROR: lead_callback_info INVALID SEARCH PARAMETERS: ${ctx.user}|${leadId}`);
    const separator = SEPARATORS[input.stage];
    const stage = separator === undefined ? 'pipe' : input.stage;
    const join = (values: readonly string[]) => values.join(separator ?? '|');
    const archive = searchLocation === 'ARCHIVE' || searchLocation === 'ALL';
    const current = searchLocation === 'CURRENT' || searchLocation === 'ALL' || searchLocation === '';
    const callbacks: ReadonlyArray<readonly [type: 'ARCHIVE' | 'CURRENT', callback: Callback]> = [
      ...(archive ? await ctx.core.archivedCallbacksOfLead(Number(leadId)) : []).map((callback) => ['ARCHIVE', callback] as const),
      ...(current ? await ctx.core.callbacksOfLead(Number(leadId)) : []).map((callback) => ['CURRENT', callback] as const),
    ];
    const visible = await callbackVisible(ctx);
    const lines: string[] = header === 'YES' ? [join(COLUMNS)] : [];
    for (const [type, callback] of callbacks) {
      // The first callback the caller may not see ends the answer with this line alone.
      if (!(await visible(callback))) throw refuse(`ERROR: lead_callback_info LEAD NOT FOUND: |${ctx.user}|1|`);
      lines.push(
        join([
          leadId,
          type,
          callback.recipient,
          callback.state,
          utf8ToBytes(callback.status),
          serverTime(callback.callbackAt, ctx.settings.timeZone).local,
          serverTime(callback.createdAt, ctx.settings.timeZone).local,
          utf8ToBytes(callback.agentId),
          String(callback.listId),
          utf8ToBytes(callback.campaignId),
          utf8ToBytes(await userGroupOf(ctx, callback.agentId)),
          ...(await customerTime(ctx, callback)),
          utf8ToBytes(callback.comments),
        ]),
      );
    }
    const answer = lines.join('\n');
    // VICIdial measures the answer with its last newline; any other `header` prints nothing.
    const printed = header === 'YES' ? answer.length + 1 > SHORTEST_ANSWER.withHeader : (header === '' || header === 'NO') && answer.length + 1 > SHORTEST_ANSWER.plain;
    if (lines.length === 0 || !printed) throw refuse(`ERROR: lead_callback_info CALLBACK NOT FOUND: ${ctx.user}|${leadId}|${stage}|${searchLocation}`);
    return answer;
  },
  render: (answer) => answer,
});

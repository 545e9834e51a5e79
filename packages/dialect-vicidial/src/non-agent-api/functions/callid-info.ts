import type { CallDirection, LeadCall } from '@pbx-gateway/core';
import { callIdOfWire } from '../../wire/call-id';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const COLUMNS = ['call_id', 'custtime'] as const;
const DETAIL_COLUMNS = ['call_id', 'custtime', 'call_date', 'phone', 'call_type', 'campaign_id', 'list_id', 'status', 'user'] as const;

/** VICIdial's call IDs are 18 to 39 long; the gateway's own, which its lines print, are longer (see docs). */
const SHORTEST_CALL_ID = 18;
const LONGEST_CALL_ID = 100;

/** A log entry's status before the agent's disposition: the dialled lead's, as VICIdial logs it. */
const UNDISPOSITIONED = 'INCALL';

const readInput = readWith((params) => ({
  callId: params.read('call_id', { keep: '-_0-9a-zA-Z' }),
  detail: params.read('detail', { keep: 'A-Z' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
  // Never read by the function, but echoed by its not-found lines.
  agentUser: params.read('agent_user', IDENTIFIER),
}));

interface CallInfo {
  /** The dialer's log entry; null for a call placed for no lead (another dialect's call, say). */
  log: LeadCall | null;
  direction: CallDirection;
  talkSec: number;
}

/** The gateway dials no leads by itself: an outbound lead call is one an agent placed. */
const callTypeOf = (direction: CallDirection): string => (direction === 'inbound' ? 'INBOUND' : 'OUTBOUND_MANUAL');

/** The call and its dialer log, if it has one: CALL NOT FOUND for a call the gateway does not know. */
async function findCallInfo(ctx: NonAgentContext, callId: string, agentUser: string): Promise<CallInfo> {
  const [live, cdr, log] = await Promise.all([ctx.core.getCall(callId), ctx.core.getCdrOfCall(callId), ctx.core.getLeadCall(callId)]);
  const direction = live?.call.direction ?? cdr?.direction;
  if (direction === undefined) throw refuse(`ERROR: callid_info CALL NOT FOUND: ${ctx.user}|${agentUser}`);
  // VICIdial's customer time is the agent's talk time less its dead time: the answered span of the ended call.
  return { log, direction, talkSec: cdr?.billsec ?? 0 };
}

/**
 * callid_info: a call's customer talk time, with `detail=YES` its log entry,
 * by the call ID the other lines print (and the other dialects: a call placed
 * for no lead has its talk time too, but no log entry to detail).
 */
export const callidInfo = defineNonAgentFunction({
  name: 'callid_info',
  function: 'callid_info',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: callid_info USER DOES NOT HAVE PERMISSION TO GET CALL INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    if (input.callId.length < SHORTEST_CALL_ID || input.callId.length > LONGEST_CALL_ID) {
      throw refuse(`ERROR: callid_info INVALID SEARCH PARAMETERS: ${ctx.user}|${input.callId}`);
    }
    const info = await findCallInfo(ctx, callIdOfWire(bytesToText(input.callId)), input.agentUser);
    const row = [input.callId, String(info.talkSec)];
    if (input.detail !== 'YES') return row;
    const { log } = info;
    if (!log) throw refuse(`ERROR: callid_info CALL LOG NOT FOUND: ${ctx.user}|${input.agentUser}`);
    const listId = (await ctx.core.getLead(log.leadId))?.listId ?? null;
    return [
      ...row,
      serverTime(log.startedAt, ctx.settings.timeZone).local,
      utf8ToBytes(log.phoneNumber),
      callTypeOf(info.direction),
      utf8ToBytes(log.campaignId ?? ''),
      listId === null ? '' : String(listId),
      utf8ToBytes(log.status ?? UNDISPOSITIONED),
      utf8ToBytes(log.agentId),
    ];
  },
  render: (row, _ctx, input) => exportRows(input.stage, input.header, input.detail === 'YES' ? DETAIL_COLUMNS : COLUMNS, [row]),
});

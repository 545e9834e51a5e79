import type { Cdr, LeadCall } from '@pbx-gateway/core';
import { hangupReasonOf } from '../../wire/hangup-reason';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

const COLUMNS = ['phone_number', 'call_date', 'list_id', 'length_in_sec', 'lead_status', 'hangup_reason', 'call_status', 'source_id', 'user'] as const;

/** VICIdial's hard limit of rows. */
const MOST = 100_000;

/** A log entry's status before the agent's disposition, as callid_info prints it. */
const UNDISPOSITIONED = 'INCALL';

const readInput = readWith((params) => ({
  phoneNumber: params.read('phone_number', { keep: ',0-9' }),
  stage: params.read('stage', { keep: '-_0-9a-zA-Z' }),
  header: params.read('header', { keep: '0-9{L}' }),
  detail: params.read('detail', { keep: 'A-Z' }),
  type: params.read('type', { keep: '-_0-9{L}' }),
}));

/** The numbers asked that are numbers: 6 to 18 digits, as the lead search takes them. */
const numbersOf = (list: string): string[] => [...new Set(list.split(',').filter((number) => number.length > 5 && number.length < 19))];

interface LoggedCall {
  call: LeadCall;
  cdr: Cdr | null;
}

/** The number's calls of the type asked (OUT, the default: placed; IN: taken; ALL), the latest first. */
async function callsOf(ctx: NonAgentContext, number: string, type: string): Promise<LoggedCall[]> {
  const calls = await ctx.core.findLeadCalls({ phoneNumber: bytesToText(number) }, MOST);
  const logged: LoggedCall[] = [];
  for (const call of calls) {
    const cdr = await ctx.core.getCdrOfCall(call.callId);
    const direction = cdr?.direction ?? (await ctx.core.getCall(call.callId))?.call.direction;
    if (type === 'ALL' || (type === 'IN') === (direction === 'inbound')) logged.push({ call, cdr });
  }
  return logged;
}

/**
 * phone_number_log: the calls placed to (or taken from) one or more
 * numbers, one export row each, from the dialer's call log: the lead's
 * list, status and source now, the call's length, who hung up, its
 * disposition and agent.
 */
export const phoneNumberLog = defineNonAgentFunction({
  name: 'phone_number_log',
  function: 'phone_number_log',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: phone_number_log USER DOES NOT HAVE PERMISSION TO GET CALL LOG INFO - ${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const today = serverTime(ctx.now, ctx.settings.timeZone).local.slice(0, 10);
    const numbers = numbersOf(input.phoneNumber);
    if (numbers.length === 0) throw refuse(`ERROR: phone_number_log NO VALID PHONE NUMBERS DEFINED - ${ctx.user}|${input.phoneNumber}|${today}`);
    const type = input.type === 'IN' || input.type === 'ALL' ? input.type : 'OUT';
    const rows: string[][] = [];
    for (const number of numbers) {
      const logged = await callsOf(ctx, number, type);
      for (const { call, cdr } of input.detail === 'LAST' ? logged.slice(0, 1) : logged) {
        const lead = await ctx.core.getLead(call.leadId);
        rows.push([
          number,
          serverTime(call.startedAt, ctx.settings.timeZone).local,
          lead ? String(lead.listId) : '',
          String(cdr?.durationSec ?? 0),
          utf8ToBytes(lead?.status ?? ''),
          hangupReasonOf(cdr),
          utf8ToBytes(call.status ?? UNDISPOSITIONED),
          utf8ToBytes(lead?.sourceId ?? ''),
          utf8ToBytes(call.agentId),
        ]);
      }
    }
    if (rows.length === 0) throw refuse(`ERROR: phone_number_log NO RECORDS FOUND - ${ctx.user}|${input.phoneNumber}|${today}`);
    return rows;
  },
  render: (rows, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, rows),
});

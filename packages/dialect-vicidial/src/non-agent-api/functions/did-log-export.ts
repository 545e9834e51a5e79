import type { DidCall } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const DAY_MS = 86_400_000;

const readInput = readWith((params) => ({
  phoneNumber: params.read('phone_number', { keep: '0-9' }),
  date: params.read('date', { keep: '-0-9' }),
  agentUser: params.read('agent_user', IDENTIFIER),
  leadId: params.read('lead_id', { keep: '0-9' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

const calledAtOf = (ctx: NonAgentContext, call: DidCall): string => serverTime(call.calledAt, ctx.settings.timeZone).local;

/**
 * did_log_export: the calls that reached one number on one day (the
 * server's), oldest first. VICIdial's rows give the caller's number under
 * `call_date` and the time under `caller_id_number` (its header names the
 * columns the other way round); the gateway prints them as VICIdial does.
 */
export const didLogExport = defineNonAgentFunction({
  name: 'did_log_export',
  function: 'did_log_export',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: did_log_export USER DOES NOT HAVE PERMISSION TO GET DID INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { phoneNumber, date } = input;
    const valid = phoneNumber.length >= 1 && phoneNumber.length <= 20 && date.length === 10;
    if (!valid) throw refuse(`ERROR: did_log_export INVALID SEARCH PARAMETERS: ${ctx.user}|${phoneNumber}|${date}`);
    const day = Date.parse(`${date}T00:00:00Z`);
    // The day's bounds depend on the server's time zone: the days around it are read, then kept by their local date.
    const found = Number.isNaN(day)
      ? []
      : await ctx.core.findDidCalls({ did: bytesToText(phoneNumber), from: new Date(day - DAY_MS), to: new Date(day + 2 * DAY_MS) });
    const calls = found.filter((call) => calledAtOf(ctx, call).startsWith(`${date} `));
    if (calls.length === 0) throw refuse(`ERROR: did_log_export NO RECORDS FOUND - ${ctx.user}|${input.agentUser}|${input.leadId}|${date}`);
    return calls;
  },
  render(calls, ctx, input) {
    const rows = calls.map((call) => [input.phoneNumber, utf8ToBytes(call.callerIdNumber), calledAtOf(ctx, call), String(call.seconds)]);
    return exportRows(input.stage, input.header, ['did_number', 'call_date', 'caller_id_number', 'length_in_sec'], rows);
  },
});

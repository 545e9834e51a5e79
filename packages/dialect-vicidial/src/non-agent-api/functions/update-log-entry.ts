import type { LeadCall } from '@pbx-gateway/core';
import { callIdOfWire, wireCallId } from '../../wire/call-id';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

const WORD = { keep: '-_0-9a-zA-Z' };

/** A log entry's status before a disposition: the dialled lead's, as VICIdial logs it. */
const UNDISPOSITIONED = 'INCALL';
/** VICIdial's 20-character call IDs end with the lead's number, zero-padded to 10 digits. */
const LEAD_DIGITS = 10;
/** More of a lead's log entries than a lead is ever called. */
const ALL_ENTRIES = 10_000;

const readInput = readWith((params) => ({
  group: params.read('group', WORD),
  callId: params.read('call_id', { keep: '-_.0-9a-zA-Z' }),
  status: params.read('status', WORD),
}));

type LogInput = ReturnType<typeof readInput>['value'];

/**
 * The log entry the call ID names in the group: the entry of that call
 * (the IDs the gateway's lines print, or VICIdial's uniqueid form with its
 * dot), else the latest entry of the lead whose number ends the ID.
 */
async function entryOf(ctx: NonAgentContext, input: LogInput, group: string): Promise<LeadCall | null> {
  const named = await ctx.core.getLeadCall(callIdOfWire(bytesToText(input.callId)));
  if (named) return named.campaignId === group ? named : null;
  if (input.callId.includes('.')) return null;
  const leadId = Number(input.callId.slice(-LEAD_DIGITS));
  if (!Number.isSafeInteger(leadId) || leadId < 1) return null;
  const entries = await ctx.core.findLeadCalls({ leadId }, ALL_ENTRIES);
  return entries.find((entry) => entry.campaignId === group) ?? null;
}

/**
 * update_log_entry: the status of one call log entry of a campaign or
 * in-group, the lead's own status left as it is (VICIdial's report
 * corrections).
 */
export const updateLogEntry = defineNonAgentFunction({
  name: 'update_log_entry',
  function: 'update_log_entry',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: update_log_entry USER DOES NOT HAVE PERMISSION TO UPDATE LOGS: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const asked = `${ctx.user}|${input.group}|${input.callId}|${input.status}`;
    if (input.group.length < 2 || input.callId.length < 8 || input.status.length < 1) throw refuse(`ERROR: update_log_entry INVALID SEARCH PARAMETERS: ${asked}`);
    const group = bytesToText(input.group);
    const [queue, campaign] = await Promise.all([ctx.core.getQueue(group), ctx.core.getCampaign(group)]);
    if (!queue && !campaign) throw refuse(`ERROR: update_log_entry GROUP NOT FOUND: ${ctx.user}|${input.group}`);
    const entry = await entryOf(ctx, input, group);
    if (!entry) throw refuse(`ERROR: update_log_entry NO RECORDS FOUND: ${asked}`);
    const change = await ctx.core.setLeadCallStatus({ callId: entry.callId, status: bytesToText(input.status) });
    if (change.outcome === 'no-call') throw refuse(`ERROR: update_log_entry NO RECORDS FOUND: ${asked}`);
    const old = utf8ToBytes(change.previous.status ?? UNDISPOSITIONED);
    const logId = utf8ToBytes(wireCallId(entry.callId));
    if (change.outcome === 'unchanged') throw refuse(`ERROR: update_log_entry NO RECORDS UPDATED: ${asked}|${old}|${logId}`);
    // VICIdial's data repeats the user and ends with a count it never sets: empty.
    return `SUCCESS: update_log_entry RECORD HAS BEEN UPDATED - ${ctx.user}|${asked}|${old}|${logId}|`;
  },
  render: (answer) => answer,
});

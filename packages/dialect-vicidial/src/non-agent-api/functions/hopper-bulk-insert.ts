import { mayWorkWithCampaign } from '@pbx-gateway/core';
import { utf8ToBytes } from '../../wire/php-params';
import { dialableNow, readHopperPriority } from '../lead-hopper';
import { defineNonAgentFunction, type NonAgentContext } from '../operation';
import { readWith } from '../params';

/** VICIdial takes at most this many lead ids in one request. */
const MOST_LEADS = 1000;
/** A lead id is 1 to 9 digits. */
const LEAD_ID = /^\d{1,9}$/;

const readInput = readWith((params) => ({
  leadIds: params.read('lead_ids', { keep: ',0-9' }),
  priority: readHopperPriority(params),
  localCallTimeCheck: params.read('hopper_local_call_time_check', { keep: 'A-Z' }) === 'Y',
}));

type BulkInput = ReturnType<typeof readInput>['value'];

/** One lead's outcome: its NOTICE line and, when queued, its hopper entry. */
interface LeadOutcome {
  line: string;
  entryId?: number;
}

/**
 * One lead queued in the hopper of its list's campaign (source P, the
 * API's), in the checks' order: found, its campaign one the caller's
 * group works with, not queued already, within its local call time when
 * asked.
 */
async function queueOne(ctx: NonAgentContext, input: BulkInput, given: string): Promise<LeadOutcome> {
  const fn = 'NOTICE: hopper_bulk_insert';
  const lead = LEAD_ID.test(given) ? await ctx.core.getLead(Number(given)) : null;
  if (!lead) return { line: `${fn} NOT ADDED TO HOPPER, LEAD NOT FOUND - ${given}` };
  const [list, group] = await Promise.all([ctx.core.getLeadList(lead.listId), ctx.core.getUserGroup(ctx.apiUser.group)]);
  const campaign = list ? await ctx.core.getCampaign(list.campaignId) : null;
  if (!campaign || (group !== null && !mayWorkWithCampaign(group, campaign.id))) return { line: `${fn} NOT ADDED TO HOPPER, CAMPAIGN DOES NOT EXIST - ${lead.listId}|${given}` };
  const already = `${fn} NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - ${given}`;
  if (await ctx.core.hopperEntryOfLead(lead.id)) return { line: already };
  const phone = utf8ToBytes(lead.phoneNumber);
  if (input.localCallTimeCheck && (await dialableNow(ctx, lead)) === 0) {
    return { line: `${fn} NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - ${phone}|${given}|${utf8ToBytes(lead.gmtOffsetNow)}|${utf8ToBytes(lead.state)}|0` };
  }
  const added = await ctx.core.addLeadToHopper({ leadId: lead.id, priority: input.priority, source: 'P' });
  if (added.outcome === 'added') return { line: `${fn} LEAD ADDED TO HOPPER - ${phone}|${given}|${added.entry.id}|${ctx.user}`, entryId: added.entry.id };
  if (added.outcome === 'queued-already') return { line: already };
  // Gone or moved off its list meanwhile: the insert VICIdial would have failed.
  return { line: `${fn} NOT ADDED TO HOPPER, LEAD HOPPER INSERT ERROR - ${given}` };
}

/**
 * hopper_bulk_insert: each lead of `lead_ids` (comma separated, at most
 * 1000) queued in the hopper of its list's campaign, one NOTICE line per
 * lead in the order given, then the count: SUCCESS when any was queued.
 */
export const hopperBulkInsert = defineNonAgentFunction({
  name: 'hopper_bulk_insert',
  function: 'hopper_bulk_insert',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyCampaigns,
    denied: (user) => `ERROR: hopper_bulk_insert USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE HOPPER - ${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const given = input.leadIds
      .split(',')
      .filter((id) => id !== '')
      .slice(0, MOST_LEADS);
    const lines: string[] = [];
    let inserted = 0;
    let lastEntry = '';
    // One after the other: a lead given twice finds itself queued the second time.
    for (const leadId of given) {
      const outcome = await queueOne(ctx, input, leadId);
      lines.push(outcome.line);
      if (outcome.entryId !== undefined) {
        inserted += 1;
        lastEntry = String(outcome.entryId);
      }
    }
    if (inserted === 0) lines.push(`ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - ${given.length}|0|${ctx.user}`);
    else lines.push(`SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - ${inserted}|${given.length - inserted}|${lastEntry}|${ctx.user}`);
    return lines.join('\n');
  },
  render: (answer) => answer,
});

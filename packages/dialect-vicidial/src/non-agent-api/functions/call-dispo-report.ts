import type { LeadCall } from '@pbx-gateway/core';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';
import { campaignsAsked, dashList, daysOf, placedCalls, UNDISPOSITIONED } from '../report-calls';

const readInput = readWith((params) => ({
  campaigns: params.read('campaigns', { keep: '-_0-9a-zA-Z' }),
  queryDate: params.read('query_date', { keep: '-0-9' }),
  endDate: params.read('end_date', { keep: '-0-9' }),
  statuses: params.read('statuses', { keep: '-_0-9a-zA-Z' }),
  users: params.read('users', { keep: '-_0-9a-zA-Z' }),
  statusBreakdown: params.read('status_breakdown', { keep: '0-9' }),
  showPercentages: params.read('show_percentages', { keep: '0-9' }),
}));

const statusOf = (call: LeadCall): string => call.status ?? UNDISPOSITIONED;

/** `<count> (<percent of total, one decimal>%)`; 0.0% of no calls. */
const withPercent = (count: number, total: number): string => `${count} (${(total === 0 ? 0 : (count * 100) / total).toFixed(1)}%)`;

/**
 * call_dispo_report: for each campaign asked, the calls its agents placed
 * between two days of the server's calendar, then their total; with
 * `status_breakdown=1` a column per status given (with `show_percentages=1`
 * each count with its share of the line's calls). CSV lines. The gateway's
 * call log does not say through which in-group or DID a call came, so
 * `ingroups` and `dids` are not reported.
 */
export const callDispoReport = defineNonAgentFunction({
  name: 'call_dispo_report',
  partial: 'campaigns only: `ingroups`, `dids` and `categories` are ignored (the call log keeps no in-group or DID of a call, nor status categories); `file_download` answers the same lines',
  function: 'call_dispo_report',
  auth: {
    allows: (user) => user.level >= 9 && user.viewReports,
    denied: () => 'ERROR: call_dispo_report USER DOES NOT HAVE PERMISSION TO VIEW STATS',
  },
  input: readInput,
  async run(ctx, input) {
    const campaigns = await campaignsAsked(ctx, input.campaigns);
    if (campaigns.length === 0) throw refuse('ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS');
    const users = new Set(dashList(input.users));
    const reported = (await placedCalls(ctx, daysOf(ctx, input.queryDate, input.endDate), new Set(dashList(input.statuses))))
      .filter((call) => call.campaignId !== null && campaigns.includes(call.campaignId) && (users.size === 0 || users.has(call.agentId)))
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    // The status columns: every status the reported calls were given, in the order first given.
    const statuses = [...new Set(reported.map(statusOf))];
    const breakdown = input.statusBreakdown === '1';
    const line = (name: string, of: readonly LeadCall[]): string => {
      const counts = breakdown ? statuses.map((status) => of.filter((call) => statusOf(call) === status).length) : [];
      const cells = counts.map((count) => (input.showPercentages === '1' ? withPercent(count, of.length) : String(count)));
      return [name, String(of.length), ...cells].join(',');
    };
    const header = ['CAMPAIGN', 'TOTAL CALLS', ...(breakdown ? statuses.map(utf8ToBytes) : [])].join(',');
    const lines = campaigns.map((campaignId) => line(campaignId, reported.filter((call) => call.campaignId === campaignId)));
    return [header, ...lines, line('TOTAL', reported)].join('\n');
  },
  render: (answer) => answer,
});

import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';
import { campaignsAsked, dashList, daysOf, inGroupsAsked, placedCalls, queueCallsOf, queueCallStatus, UNDISPOSITIONED } from '../report-calls';

const readInput = readWith((params) => ({
  campaigns: params.read('campaigns', { keep: '-_0-9a-zA-Z' }),
  ingroups: params.read('ingroups', { keep: '-_0-9a-zA-Z' }),
  didPatterns: params.read('did_patterns', { keep: '-:+*#._0-9a-zA-Z' }),
  didIds: params.read('did_ids', { keep: '-0-9a-zA-Z' }),
  queryDate: params.read('query_date', { keep: '-0-9' }),
  endDate: params.read('end_date', { keep: '-0-9' }),
  statuses: params.read('statuses', { keep: '-_0-9a-zA-Z' }),
  users: params.read('users', { keep: '-_0-9a-zA-Z' }),
  statusBreakdown: params.read('status_breakdown', { keep: '0-9' }),
  showPercentages: params.read('show_percentages', { keep: '0-9' }),
}));

type ReportInput = ReturnType<typeof readInput>['value'];

/** A logged call as the report counts it: its status and the agent who had it (none for a call nobody took). */
interface Reported {
  status: string;
  agentId: string | null;
  at: Date;
}

/** `<count> (<percent of total, one decimal>%)`; 0.0% of no calls. */
const withPercent = (count: number, total: number): string => `${count} (${(total === 0 ? 0 : (count * 100) / total).toFixed(1)}%)`;

const ALL_DIDS = new Set(['ALLDIDS', 'ALLPATTERNS']);

/** The DIDs asked by number or id, by number in the order of their ids: every one for `ALLDIDS`, `ALLPATTERNS` or `---ALL---`. */
async function didsAsked(ctx: NonAgentContext, input: ReportInput): Promise<string[]> {
  if (input.didPatterns === '' && input.didIds === '') return [];
  const patterns = dashList(input.didPatterns);
  const ids = dashList(input.didIds);
  const all = [...patterns, ...ids].some((item) => ALL_DIDS.has(item)) || `${input.didPatterns}${input.didIds}`.includes('---ALL---');
  return (await ctx.core.listDids()).filter((did) => all || patterns.includes(did.pattern) || ids.includes(String(did.id))).map((did) => did.pattern);
}

/**
 * call_dispo_report: for each campaign asked, the calls its agents placed
 * between two days of the server's calendar; for each in-group asked
 * (`ingroups`), the calls that entered it (the closer log); without
 * in-groups, for each DID asked (`did_patterns`, `did_ids`), the calls
 * through it that entered an in-group; then their total. With
 * `status_breakdown=1` a column per status given (with `show_percentages=1`
 * each count with its share of the line's calls). CSV lines.
 */
export const callDispoReport = defineNonAgentFunction({
  name: 'call_dispo_report',
  partial: '`categories` is ignored (statuses have no categories); `file_download` answers the same lines',
  function: 'call_dispo_report',
  auth: {
    allows: (user) => user.level >= 9 && user.viewReports,
    denied: () => 'ERROR: call_dispo_report USER DOES NOT HAVE PERMISSION TO VIEW STATS',
  },
  input: readInput,
  async run(ctx, input) {
    const campaigns = await campaignsAsked(ctx, input.campaigns);
    const inGroups = input.ingroups.length >= 2 ? await inGroupsAsked(ctx, input.ingroups) : [];
    // VICIdial reports on DIDs only when no in-group is asked.
    const dids = inGroups.length === 0 ? await didsAsked(ctx, input) : [];
    if (campaigns.length === 0 && inGroups.length === 0 && dids.length === 0) throw refuse('ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS');
    const span = daysOf(ctx, input.queryDate, input.endDate);
    const statuses = new Set(dashList(input.statuses));
    const users = new Set(dashList(input.users));
    const byUser = (call: Reported): boolean => users.size === 0 || (call.agentId !== null && users.has(call.agentId));
    const placed = (await placedCalls(ctx, span, statuses))
      .filter((call) => call.campaignId !== null && campaigns.includes(call.campaignId))
      .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
    const queued = inGroups.length > 0 || dids.length > 0 ? await queueCallsOf(ctx, inGroups.length > 0 ? inGroups : (await ctx.core.listQueues()).map((queue) => queue.name), span, statuses) : [];
    const asQueued = (of: typeof queued): Reported[] => of.map((call) => ({ status: queueCallStatus(call), agentId: call.agentId, at: call.arrivedAt }));
    const rows: Array<{ name: string; calls: Reported[] }> = [
      ...campaigns.map((campaignId) => ({
        name: campaignId,
        calls: placed.filter((call) => call.campaignId === campaignId).map((call) => ({ status: call.status ?? UNDISPOSITIONED, agentId: call.agentId, at: call.startedAt })),
      })),
      ...inGroups.map((inGroup) => ({ name: utf8ToBytes(inGroup), calls: asQueued(queued.filter((call) => call.queueName === inGroup)) })),
      ...dids.map((did) => ({ name: utf8ToBytes(did), calls: asQueued(queued.filter((call) => call.did === did)) })),
    ].map((row) => ({ ...row, calls: row.calls.filter(byUser) }));
    const reported = rows.flatMap((row) => row.calls).sort((a, b) => a.at.getTime() - b.at.getTime());
    // The status columns: every status the reported calls were given, in the order first given.
    const columns = [...new Set(reported.map((call) => call.status))];
    const breakdown = input.statusBreakdown === '1';
    const line = (name: string, of: readonly Reported[]): string => {
      const counts = breakdown ? columns.map((status) => of.filter((call) => call.status === status).length) : [];
      const cells = counts.map((count) => (input.showPercentages === '1' ? withPercent(count, of.length) : String(count)));
      return [name, String(of.length), ...cells].join(',');
    };
    const header = ['CAMPAIGN', 'TOTAL CALLS', ...(breakdown ? columns.map(utf8ToBytes) : [])].join(',');
    return [header, ...rows.map((row) => line(row.name, row.calls)), line('TOTAL', reported)].join('\n');
  },
  render: (answer) => answer,
});

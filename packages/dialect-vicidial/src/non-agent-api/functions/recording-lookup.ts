import type { Agent, Recording, RecordingSearch } from '@pbx-gateway/core';
import { callIdOfWire } from '../../wire/call-id';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { viewReports } from '../agent-report';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const DAY_MS = 86_400_000;

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', IDENTIFIER),
  leadId: params.read('lead_id', { keep: '0-9' }),
  date: params.read('date', { keep: '-0-9' }),
  uniqueid: params.read('uniqueid', { keep: '-._0-9{L}' }),
  extension: params.read('extension', IDENTIFIER),
  duration: params.read('duration', { keep: 'A-Z' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

type LookupInput = ReturnType<typeof readInput>['value'];

/**
 * The criteria VICIdial searches by: each only within its lengths (a call
 * ID over 8, an agent of 3 to 20, a lead of 1 to 10 digits, an extension of
 * 3 to 100, a day of 10); a value outside them is left out of the search.
 */
function criteriaOf(input: LookupInput): { agentUser: string; leadId: string; date: string; uniqueid: string; extension: string } {
  const within = (value: string, min: number, max: number): string => (value.length >= min && value.length <= max ? value : '');
  return {
    uniqueid: input.uniqueid.length > 8 ? input.uniqueid : '',
    agentUser: within(input.agentUser, 3, 20),
    leadId: within(input.leadId, 1, 10),
    extension: within(input.extension, 3, 100),
    date: within(input.date, 10, 10),
  };
}

type Criteria = ReturnType<typeof criteriaOf>;

/** VICIdial weighs the criteria: a lead or a call alone is enough, an agent, an extension or a day needs another. */
const weightOf = (criteria: Criteria): number =>
  (criteria.leadId !== '' ? 2 : 0) + (criteria.uniqueid !== '' ? 2 : 0) + (criteria.agentUser !== '' ? 1 : 0) + (criteria.extension !== '' ? 1 : 0) + (criteria.date !== '' ? 1 : 0);

/** The store is asked by agent, lead and call, and for the days around the one asked (its bounds depend on the server's time zone). */
function searchOf(input: Criteria): RecordingSearch {
  const search: RecordingSearch = {};
  if (input.agentUser !== '') search.agentId = bytesToText(input.agentUser);
  if (input.leadId !== '') search.leadId = Number(input.leadId);
  if (input.uniqueid !== '') search.callId = callIdOfWire(bytesToText(input.uniqueid));
  const day = Date.parse(`${input.date}T00:00:00Z`);
  if (input.date !== '' && !Number.isNaN(day)) {
    search.from = new Date(day - DAY_MS);
    search.to = new Date(day + 2 * DAY_MS);
  }
  return search;
}

const startOf = (ctx: NonAgentContext, recording: Recording): string => serverTime(recording.startedAt ?? recording.createdAt, ctx.settings.timeZone).local;

async function matching(ctx: NonAgentContext, input: Criteria): Promise<Recording[]> {
  if (input.leadId !== '' && !Number.isSafeInteger(Number(input.leadId))) return [];
  const found = await ctx.core.findRecordings(searchOf(input));
  const agents = new Map<string, Agent | null>();
  // A recording owned by a call (another dialect's click-to-call) has no agent, hence no phone.
  const deviceOf = async (agentId: string | null): Promise<string> => {
    if (agentId === null) return '';
    if (!agents.has(agentId)) agents.set(agentId, await ctx.core.getAgent(agentId));
    return agents.get(agentId)?.device ?? '';
  };
  const kept: Recording[] = [];
  for (const recording of found) {
    if (input.date !== '' && !startOf(ctx, recording).startsWith(`${input.date} `)) continue;
    // The extension is the agent's phone: its device's last part (`PJSIP/1000` → 1000).
    if (input.extension !== '' && (await deviceOf(recording.agentId)).split('/').pop() !== bytesToText(input.extension)) continue;
    kept.push(recording);
  }
  return kept;
}

/**
 * recording_lookup (spec §4.2): the recordings of a lead, a call, or an
 * agent, extension or day taken together, as export rows. `duration=Y`
 * adds the length to each row but not to the header, as VICIdial does.
 */
export const recordingLookup = defineNonAgentFunction({
  name: 'recording_lookup',
  function: 'recording_lookup',
  auth: {
    allows: viewReports('recording_lookup').allows,
    denied: (user) => `ERROR: recording_lookup USER DOES NOT HAVE PERMISSION TO GET RECORDING INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const echo = `${ctx.user}|${input.agentUser}|${input.leadId}|${input.date}|${input.uniqueid}`;
    const criteria = criteriaOf(input);
    if (weightOf(criteria) < 2) throw refuse(`ERROR: recording_lookup INVALID SEARCH PARAMETERS: ${echo}`);
    const recordings = await matching(ctx, criteria);
    if (recordings.length === 0) throw refuse(`ERROR: recording_lookup NO RECORDINGS FOUND - ${echo}`);
    return recordings;
  },
  render(recordings, ctx, input) {
    const withDuration = input.duration === 'Y';
    const rows = recordings.map((recording) => [
      startOf(ctx, recording),
      utf8ToBytes(recording.agentId ?? ''),
      utf8ToBytes(recording.id),
      recording.leadId === null ? '' : String(recording.leadId),
      ...(withDuration ? [recording.durationSec === null ? '' : String(recording.durationSec)] : []),
      utf8ToBytes(recording.location),
    ]);
    return exportRows(input.stage, input.header, ['start_time', 'user', 'recording_id', 'lead_id', 'location'], rows);
  },
});

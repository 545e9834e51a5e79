import type { Recording } from '@pbx-gateway/core';
import { wireCallId } from '../src/wire/call-id';
import { serverTime } from '../src/wire/server-time';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { customerCall, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent recording_lookup (spec §4.2): every response line and the export
// formats, on a recording the engine made of agent 1000's conference.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=recording_lookup&${query}`);

let recording: Recording;
let callId: string;

beforeAll(async () => {
  ({ callId } = await customerCall(gateway(), '1000'));
  const started = await gateway().core.startAgentRecording({ agentId: '1000' });
  await gateway().waitFor(async () => (await gateway().core.getRecording(started.recording.id))?.state === 'recording', 5000, 'recording to start');
  await gateway().core.stopAgentRecordings({ agentId: '1000' });
  recording = await gateway().waitFor(async () => {
    const found = await gateway().core.getRecording(started.recording.id);
    return found?.state === 'finished' ? found : false;
  }, 5000, 'recording to finish');
});

const start = (): string => serverTime(recording.startedAt!, 'UTC').local;
const row = (separator = '|', duration = false): string =>
  [start(), '1000', recording.id, '', ...(duration ? [String(recording.durationSec)] : []), recording.location].join(separator);

test('without view_reports: no permission', async () => {
  expectVicidialAnswer(await api('lead_id=1', '6675'), 'ERROR: recording_lookup USER DOES NOT HAVE PERMISSION TO GET RECORDING INFO: |6675|0|\n');
});

test.each([
  ['agent_user=1000', '6666|1000|||'],
  ['date=2024-01-01', '6666|||2024-01-01|'],
  ['extension=1000', '6666||||'],
  ['', '6666||||'],
  // Outside their lengths the criteria are left out: an agent of 2, a day of 9, a lead of 11 digits, a call ID of 8.
  ['agent_user=10&date=2024-01-01', '6666|10||2024-01-01|'],
  ['agent_user=1000&date=2024-1-01', '6666|1000||2024-1-01|'],
  ['lead_id=12345678901', '6666||12345678901||'],
  ['uniqueid=12345678&extension=1000', '6666||||12345678'],
])('criteria weighing less than 2 (%s): INVALID SEARCH PARAMETERS', async (query, echo) => {
  expectVicidialAnswer(await api(query), `ERROR: recording_lookup INVALID SEARCH PARAMETERS: ${echo}\n`);
});

test('nothing matches: NO RECORDINGS FOUND', async () => {
  expectVicidialAnswer(await api('lead_id=99999'), 'ERROR: recording_lookup NO RECORDINGS FOUND - 6666||99999||\n');
  expectVicidialAnswer(await api('agent_user=1000&date=2001-02-03'), 'ERROR: recording_lookup NO RECORDINGS FOUND - 6666|1000||2001-02-03|\n');
  expectVicidialAnswer(await api('agent_user=1000&extension=1001'), 'ERROR: recording_lookup NO RECORDINGS FOUND - 6666|1000|||\n');
});

test('by the call (uniqueid), by agent and day, by agent and extension', async () => {
  expectVicidialAnswer(await api(`uniqueid=${wireCallId(callId)}`), `${row()}\n`);
  expectVicidialAnswer(await api(`agent_user=1000&date=${start().slice(0, 10)}`), `${row()}\n`);
  expectVicidialAnswer(await api('agent_user=1000&extension=1000'), `${row()}\n`);
});

test('header=YES without a duration column, duration=Y in the rows; stage csv and tab', async () => {
  expectVicidialAnswer(await api(`uniqueid=${wireCallId(callId)}&header=YES&duration=Y&stage=csv`), `start_time,user,recording_id,lead_id,location\n${row(',', true)}\n`);
  expectVicidialAnswer(await api(`uniqueid=${wireCallId(callId)}&stage=tab`), `${row('\t')}\n`);
});

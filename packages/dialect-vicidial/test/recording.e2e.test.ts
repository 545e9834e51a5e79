import type { Recording } from '@pbx-gateway/core';
import { localDateTime } from '@pbx-gateway/dialect-kit';
import { AUTH, agentGet, customerCall, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// Seed 002's recording, every response line, with the current product's
// `stage` (spec §3.2): demo agent 1000 sits in conference 8600051 on server
// 10.10.10.15 and is paused, so every line ends `10.10.10.15|8600051|PAUSED`.

const gateway = sharedGateway({ agentInConference: '1000' });

const api = (query: string) => agentGet(gateway(), `${AUTH}&function=recording&${query}`);
const SESSION = '10.10.10.15|8600051|PAUSED';

const live = (): Promise<Recording[]> => gateway().core.liveAgentRecordings('1000');

const settled = (recording: Recording): Promise<Recording> =>
  gateway().waitFor(
    async () => {
      const current = await gateway().core.getRecording(recording.id);
      return current && (current.state === 'finished' || current.state === 'failed') ? current : false;
    },
    10000,
    `recording ${recording.name} to end`,
  );

beforeAll(async () => {
  await gateway().core.pauseAgent({ agentId: '1000', reason: null });
});

afterEach(async () => {
  const running = await live();
  if (running.length > 0) await gateway().core.stopAgentRecordings({ agentId: '1000' });
  for (const recording of running) await settled(recording);
});

describe('checks before the agent', () => {
  test('a value without START, STOP or STATUS: ERROR: recording not valid - <value>|<agent_user>', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=BEGIN'), 'ERROR: recording not valid - BEGIN|1000\n');
  });

  test('no agent (agent_user empty, alt_user shorter than 2): not valid with an empty agent', async () => {
    expectVicidialAnswer(await api('value=START&alt_user=7'), 'ERROR: recording not valid - START|\n');
  });

  test('allow-list without recording: the permission line ends the script', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=recording&agent_user=1000&value=START&close_window_link=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - START|6668|recording|AGENTS\n',
    );
  });

  test('seed: ERROR: no user found - <alt_user>, then the agent it was given is not logged in', async () => {
    expectVicidialAnswer(await api('value=STATUS&alt_user=999999'), 'ERROR: no user found - 999999\nERROR: agent_user is not logged in - \n');
  });

  test('seed: ERROR: agent_user is not logged in - <agent_user>', async () => {
    expectVicidialAnswer(await api('value=START&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
  });

  test('a session without a conference: nothing to record (gateway line)', async () => {
    expectVicidialAnswer(await api('value=START&agent_user=1001'), 'ERROR: recording error - no session data - 1001\n');
  });
});

describe('START, STATUS, STOP', () => {
  test('seed: NOTICE: not recording - <agent_user>|||||<ip>|<conf>|<status>', async () => {
    expectVicidialAnswer(await api('value=STATUS&agent_user=1000'), `NOTICE: not recording - 1000|||||${SESSION}\n`);
  });

  test('lines that do not end the script get the close-window link', async () => {
    expectVicidialAnswer(
      await api('value=STATUS&agent_user=1000&close_window_link=1'),
      `NOTICE: not recording - 1000|||||${SESSION}\n\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`,
    );
  });

  test('only STATUS itself asks for the status: with STOP in it the value stops, else it is answered as sent, with nothing recorded', async () => {
    const gw = gateway();
    expectVicidialAnswer(await api('value=STATUSSTOP&agent_user=1000'), `ERROR: stop recording error - 1000|||||${SESSION}\n`);
    expectVicidialAnswer(await api('value=XSTATUS&agent_user=1000&stage=SALE'), `SUCCESS: recording function sent - 1000|XSTATUS||||${SESSION}\n`);
    expect(await gw.core.liveAgentRecordings('1000')).toEqual([]);
  });

  test('seed: ERROR: stop recording error with nothing recording; it ends the script', async () => {
    expectVicidialAnswer(await api('value=STOP&agent_user=1000&close_window_link=1'), `ERROR: stop recording error - 1000|||||${SESSION}\n`);
  });

  test('seed: START records the conference on the engine; STATUS shows it; STOP leaves its file', async () => {
    expectVicidialAnswer(await api('value=START&agent_user=1000'), `SUCCESS: recording function sent - 1000|START||||${SESSION}\n`);
    const [recording] = await live();
    expect(recording).toMatchObject({ bridgeId: 'agent-1000.conference', format: 'wav' });
    const started = await gateway().waitFor(async () => {
      const current = await gateway().core.getRecording(recording!.id);
      return current?.state === 'recording' ? current : false;
    }, 10000, 'the engine to start recording');
    expect((await gateway().engineAri('GET', `/recordings/live/${started.name}`)).status).toBe(200);

    expectVicidialAnswer(
      await api('value=STATUS&agent_user=1000'),
      `NOTICE: recording active - 1000|${started.id}|${started.name}|10.10.10.15|${localDateTime(started.startedAt!, 'UTC')}|${SESSION}\n`,
    );

    expectVicidialAnswer(await api('value=STOP&agent_user=1000'), `SUCCESS: recording function sent - 1000|STOP||||${SESSION}\n`);
    expect(await live()).toEqual([]);
    expect((await settled(started)).state).toBe('finished');
    expect((await gateway().engineAri('GET', `/recordings/stored/${started.name}`)).status).toBe(200);
    expectVicidialAnswer(await api('value=STATUS&agent_user=1000'), `NOTICE: not recording - 1000|||||${SESSION}\n`);
  });

  test('several at once; STATUS shows the newest; STOP ends them all', async () => {
    await api('value=START&agent_user=1000');
    await api('value=START&agent_user=1000');
    const [first, second] = await live();
    expect(first!.name).not.toBe(second!.name);
    const status = (await api('value=STATUS&agent_user=1000')).text;
    expect(status.startsWith(`NOTICE: recording active - 1000|${second!.id}|${second!.name}|`)).toBe(true);
    expectVicidialAnswer(await api('value=STOP&agent_user=1000'), `SUCCESS: recording function sent - 1000|STOP||||${SESSION}\n`);
    for (const recording of [first!, second!]) {
      expect((await settled(recording)).state).toBe('finished');
      expect((await gateway().engineAri('GET', `/recordings/stored/${recording.name}`)).status).toBe(200);
    }
  });

  test('START with stage: its first 14 bytes are added to the value echoed and name the file', async () => {
    expectVicidialAnswer(
      await api('value=START&agent_user=1000&stage=CAMPAIGN-SALE-2024'),
      `SUCCESS: recording function sent - 1000|STARTCAMPAIGN-SALE-||||${SESSION}\n`,
    );
    const [recording] = await live();
    expect(recording!.name).toMatch(/^\d{8}-\d{6}_1000_CAMPAIGN-SALE-_/);
  });
});

describe('during a call', () => {
  test('the recording belongs to the call, and the CDR names its file', async () => {
    await gateway().core.resumeAgent({ agentId: '1000' });
    const { callId } = await customerCall(gateway(), '1000');
    expectVicidialAnswer(await api('value=START&agent_user=1000'), 'SUCCESS: recording function sent - 1000|START||||10.10.10.15|8600051|INCALL\n');
    const [recording] = await live();
    expect(recording!.callId).toBe(callId);
    await gateway().waitFor(async () => (await gateway().core.getRecording(recording!.id))?.state === 'recording', 10000, 'recording');
    await api('value=STOP&agent_user=1000');
    expect((await settled(recording!)).state).toBe('finished');
    await gateway().core.hangupAgentCustomer({ agentId: '1000' });
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? false, 10000, 'the CDR');
    expect(cdr.recordingFile).toBe(recording!.location);
    await gateway().core.pauseAgent({ agentId: '1000', reason: null });
  });
});

// Last: it ends agent 1000's session.
describe('logout', () => {
  test('the session ends while recording: the recording is over and its file is there', async () => {
    await api('value=START&agent_user=1000');
    const [recording] = await live();
    await gateway().waitFor(async () => (await gateway().core.getRecording(recording!.id))?.state === 'recording', 10000, 'recording');
    const out = await agentGet(gateway(), `${AUTH}&function=logout&value=LOGOUT&agent_user=1000`);
    expect(out.text).toMatch(/^SUCCESS: logout function set - LOGOUT\|\d+\|1000\n$/);
    expect(await gateway().core.getAgentSession('1000')).toBeNull();
    expect((await gateway().core.getRecording(recording!.id))?.state).toBe('finished');
    await gateway().waitFor(async () => (await gateway().engineAri('GET', `/recordings/stored/${recording!.name}`)).status === 200, 10000, 'the stored file');
    expect((await gateway().engineAri('GET', `/recordings/live/${recording!.name}`)).status).toBe(404);
  });
});

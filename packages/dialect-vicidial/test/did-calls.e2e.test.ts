import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS } from '@pbx-gateway/test-support';
import { serverTime } from '../src/wire/server-time';
import { AUTH, EXTRA_PROVISIONING, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// DIDs added and changed through the Non-Agent API take calls: an IN_GROUP
// DID queues its calls in its in-group (agent 1000 takes TEST_IN's), an
// AGENT DID (provisioned) offers them to its agent alone or, while that
// agent is not signed in, takes its fallback, an EXTEN DID dials its
// extension in its dialplan context and a PHONE DID rings its phone (the
// caller answered when they answer), any other route releases them, and
// every call leaves its DID log row, which did_log_export reads. Runs on pbx-sim and, in the fidelity tier, on the
// real Asterisk (the far end calls the trunk).

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      apiUsers: [
        ...(EXTRA_PROVISIONING.apiUsers ?? []),
        {
          realm: 'vicidial',
          login: '6690',
          secret: '1234',
          attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', modify_inbound_dids: '1', view_reports: '1' },
        },
      ],
      // A phone of the engine's own configuration (pjsip.conf's 102), which the phone-of-a-DID test rings.
      phones: [{ extension: '102', serverIp: '10.10.10.15', dialplanNumber: '102', login: 'p102', pass: 'desk102', protocol: 'SIP', registrationPassword: '' }],
      didRoutes: [
        { did: '3125550610', agent: '1000', whenAgentUnavailable: 'IN_GROUP', queue: 'TEST_IN2' },
        { did: '3125550611', agent: '101', whenAgentUnavailable: 'IN_GROUP', queue: 'TEST_IN' },
        { did: '3125550612', agent: '101' },
      ],
    },
  },
});

const DID = '3125550600';
const api = (fn: string, query: string) => nonAgentGet(gateway(), `source=test&function=${fn}&user=6690&pass=1234&${query}`);
const localOf = (at: Date): string => serverTime(at, 'UTC').local;
const today = (): string => localOf(new Date()).slice(0, 10);

async function cdrOf(callId: string) {
  return gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 10000, `the CDR of ${callId}`);
}

/** The call the DID log holds for this caller, once it is there. */
async function loggedCall(caller: string, did = DID) {
  return gateway().waitFor(
    async () => (await gateway().core.findDidCalls({ did, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) })).find((call) => call.callerIdNumber === caller),
    10000,
    `the DID log row of ${caller}`,
  );
}

// Clear of midnight: the DID log is asked for the date of the calls just placed.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

describe('calls to a DID of the Non-Agent API', () => {
  test('an IN_GROUP DID added by add_did queues its call for the in-group’s agent; the call’s DID log row is exported with its length', async () => {
    expectVicidialAnswer(await api('add_did', `did_pattern=${DID}&did_route=IN_GROUP&group=TEST_IN&did_description=Sales+line`), `SUCCESS: add_did DID HAS BEEN ADDED - 6690|${DID}\n`);
    const caller = await gateway().farEnd.callIn(DID, '5550601');
    const logged = await loggedCall('5550601');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(logged.callId);
      return current?.call.progress.stage === 'connected' ? current.call : undefined;
    }, 15000, 'the call connected');
    expect(connected).toMatchObject({ purpose: 'inbound', agentId: '1000', toNumber: DID, progress: { did: DID, queueName: 'TEST_IN' } });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await caller.hangup();
    const cdr = await cdrOf(logged.callId);
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: '1000', toNumber: DID, hangupSide: 'caller' });
    const ended = (await gateway().core.getCall(logged.callId))!.call;
    const seconds = Math.round((ended.endedAt!.getTime() - logged.calledAt.getTime()) / 1000);
    expect(seconds).toBeGreaterThanOrEqual(1);
    // VICIdial's rows give the caller's number before the time, under a header naming them the other way round.
    expectVicidialAnswer(await api('did_log_export', `phone_number=${DID}&date=${today()}`), `${DID}|5550601|${localOf(logged.calledAt)}|${seconds}\n`);
    expectVicidialAnswer(
      await api('did_log_export', `phone_number=${DID}&date=${today()}&stage=csv&header=YES`),
      `did_number,call_date,caller_id_number,length_in_sec\n${DID},5550601,${localOf(logged.calledAt)},${seconds}\n`,
    );
    await gateway().waitFor(async () => (await gateway().core.getAgentSession('1000'))?.state === 'ready', 10000, 'agent 1000 ready again');
  });

  test('a DID update_did routes to voicemail releases its calls, which are logged with no length', async () => {
    expectVicidialAnswer(await api('update_did', `did_pattern=${DID}&did_route=VOICEMAIL&voicemail_ext=8301`), `SUCCESS: update_did DID HAS BEEN UPDATED - 6690|${DID}\n`);
    await gateway().farEnd.callIn(DID, '5550602');
    const logged = await loggedCall('5550602');
    const cdr = await cdrOf(logged.callId);
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: null, toNumber: DID });
    expect((await gateway().core.getCall(logged.callId))!.call.progress).toMatchObject({ stage: 'no_route', queueName: null });
    const rows = (await api('did_log_export', `phone_number=${DID}&date=${today()}&stage=tab`)).text.split('\n');
    expect(rows).toContain(`${DID}\t5550602\t${localOf(logged.calledAt)}\t0`);
    expect(rows.at(-1)).toBe('');
  });

  test('an inactive IN_GROUP DID releases its calls too', async () => {
    expectVicidialAnswer(await api('update_did', `did_pattern=${DID}&did_route=IN_GROUP&active=N`), `SUCCESS: update_did DID HAS BEEN UPDATED - 6690|${DID}\n`);
    await gateway().farEnd.callIn(DID, '5550603');
    const logged = await loggedCall('5550603');
    expect(await cdrOf(logged.callId)).toMatchObject({ agentId: null, toNumber: DID });
    expect(await gateway().core.listWaitingCalls(['TEST_IN'])).toEqual([]);
  });

  test('the in-group’s calls and the DID’s are reported: call_status_stats and call_dispo_report by in-group and by DID', async () => {
    // A second call waits while agent 1000 is paused, and its caller leaves: VICIdial's DROP.
    expectVicidialAnswer(await api('update_did', `did_pattern=${DID}&active=Y`), `SUCCESS: update_did DID HAS BEEN UPDATED - 6690|${DID}\n`);
    expect((await agentGet(gateway(), `${AUTH}&agent_user=1000&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS/);
    try {
      const caller = await gateway().farEnd.callIn(DID, '5550604');
      const logged = await loggedCall('5550604');
      await gateway().waitFor(async () => (await gateway().core.getCall(logged.callId))?.call.progress.stage === 'waiting', 10000, 'the call waiting');
      await caller.hangup();
      await cdrOf(logged.callId);
    } finally {
      expect((await agentGet(gateway(), `${AUTH}&agent_user=1000&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS/);
    }
    const day = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const taken = await gateway().core.findQueueCalls({ queueNames: ['TEST_IN'], ...day });
    expect(taken.map((call) => [call.fromNumber, call.stage, call.agentId])).toEqual([
      ['5550601', 'connected', '1000'],
      ['5550604', 'abandoned', null],
    ]);
    const hourly = (of: typeof taken): string =>
      Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, '0')}-${of.filter((call) => Number(localOf(call.arrivedAt).slice(11, 13)) === hour).length}`).join(',');
    const [hours, zero] = [hourly(taken), hourly([])];
    // The taken call is not dispositioned (INCALL, a person answered); the dropped one is not answered by a person.
    const stats = await api('call_status_stats', 'campaigns=TESTCAMP&ingroups=TEST_IN-TEST_IN2');
    expectVicidialAnswer(stats, `TESTCAMP|0|0|${zero}||\nTEST_IN|2|1|${hours}|DROP-1,INCALL-1|\nTEST_IN2|0|0|${zero}||\n`);
    expectVicidialAnswer(await api('call_status_stats', 'campaigns=TESTCAMP&ingroups=TEST_IN&statuses=DROP'), `TESTCAMP|0|0|${zero}||\nTEST_IN|1|0|${hourly(taken.slice(1))}|DROP-1|\n`);
    expectVicidialAnswer(await api('call_dispo_report', 'ingroups=TEST_IN&status_breakdown=1'), 'CAMPAIGN,TOTAL CALLS,INCALL,DROP\nTEST_IN,2,1,1\nTOTAL,2,1,1\n');
    expectVicidialAnswer(await api('call_dispo_report', 'ingroups=ALLGROUPS&users=1000'), `CAMPAIGN,TOTAL CALLS\n${(await gateway().core.listQueues()).map((queue) => `${queue.name},${queue.name === 'TEST_IN' ? 1 : 0}`).sort().join('\n')}\nTOTAL,1\n`);
    const { id } = (await gateway().core.getDid(DID))!;
    expectVicidialAnswer(await api('call_dispo_report', `did_patterns=${DID}&status_breakdown=1`), `CAMPAIGN,TOTAL CALLS,INCALL,DROP\n${DID},2,1,1\nTOTAL,2,1,1\n`);
    expectVicidialAnswer(await api('call_dispo_report', `did_ids=${id}&statuses=DROP`), `CAMPAIGN,TOTAL CALLS\n${DID},1\nTOTAL,1\n`);
    // In-groups asked: VICIdial leaves the DIDs out.
    expectVicidialAnswer(await api('call_dispo_report', `ingroups=TEST_IN2&did_patterns=${DID}`), 'CAMPAIGN,TOTAL CALLS\nTEST_IN2,0\nTOTAL,0\n');
  });

  test('an AGENT DID offers its call to its signed-in agent alone, through AGENTDIRECT, whatever in-groups the agent took', async () => {
    const caller = await gateway().farEnd.callIn('3125550610', '5550610');
    const logged = await loggedCall('5550610', '3125550610');
    expect(logged.route).toBe('AGENT');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(logged.callId);
      return current?.call.progress.stage === 'connected' ? current.call : undefined;
    }, 15000, 'the call connected');
    expect(connected).toMatchObject({ purpose: 'inbound', agentId: '1000', toNumber: '3125550610', progress: { did: '3125550610', queueName: 'AGENTDIRECT', forAgentId: '1000' } });
    await caller.hangup();
    expect(await cdrOf(logged.callId)).toMatchObject({ purpose: 'inbound', agentId: '1000', toNumber: '3125550610', hangupSide: 'caller' });
    const rows = (await api('did_log_export', `phone_number=3125550610&date=${today()}`)).text.split('\n');
    expect(rows[0]).toMatch(new RegExp(`^3125550610\\|5550610\\|${localOf(logged.calledAt)}\\|[0-9]+$`));
    await gateway().waitFor(async () => (await gateway().core.getAgentSession('1000'))?.state === 'ready', 10000, 'agent 1000 ready again');
  });

  test('an AGENT DID whose agent is not signed in sends its call to the in-group of its IN_GROUP fallback', async () => {
    const caller = await gateway().farEnd.callIn('3125550611', '5550611');
    const logged = await loggedCall('5550611', '3125550611');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(logged.callId);
      return current?.call.progress.stage === 'connected' ? current.call : undefined;
    }, 15000, 'the call connected');
    expect(connected).toMatchObject({ agentId: '1000', progress: { did: '3125550611', queueName: 'TEST_IN' } });
    expect(connected.progress).not.toHaveProperty('forAgentId');
    await caller.hangup();
    expect(await cdrOf(logged.callId)).toMatchObject({ agentId: '1000', toNumber: '3125550611', hangupSide: 'caller' });
    await gateway().waitFor(async () => (await gateway().core.getAgentSession('1000'))?.state === 'ready', 10000, 'agent 1000 ready again');
  });

  test('an AGENT DID whose agent is not signed in and whose fallback is voicemail releases its call', async () => {
    await gateway().farEnd.callIn('3125550612', '5550612');
    const logged = await loggedCall('5550612', '3125550612');
    expect(logged.route).toBe('AGENT');
    expect(await cdrOf(logged.callId)).toMatchObject({ purpose: 'inbound', agentId: null, toNumber: '3125550612' });
    expect((await gateway().core.getCall(logged.callId))!.call.progress).toMatchObject({ stage: 'no_route', queueName: null });
  });

  test('an EXTEN DID dials its extension in its dialplan context: the caller is answered by the extension and talks with it until hanging up', async () => {
    expectVicidialAnswer(await api('add_did', 'did_pattern=3125550620&did_route=EXTEN&extension=5550620&exten_context=oracle-wait'), 'SUCCESS: add_did DID HAS BEEN ADDED - 6690|3125550620\n');
    const caller = await gateway().farEnd.callIn('3125550620', '5550621');
    const logged = await loggedCall('5550621', '3125550620');
    expect(logged.route).toBe('EXTEN');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(logged.callId);
      return current?.call.progress.stage === 'connected' && current.legs[0]?.state === 'up' ? current : undefined;
    }, 15000, 'the call connected to the extension');
    expect(connected.call).toMatchObject({ purpose: 'inbound', state: 'answered', agentId: null, toNumber: '3125550620', progress: { queueName: null } });
    expect(connected.legs.map((leg) => [leg.role, leg.endpoint, leg.state])).toEqual([
      ['caller', expect.any(String), 'up'],
      ['third_party', 'Local/5550620@oracle-wait', 'up'],
    ]);
    expect(connected.legs[1]).toMatchObject({ callerNumber: '5550621', dialedNumber: '5550620' });
    await caller.hangup();
    const cdr = await cdrOf(logged.callId);
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: null, toNumber: '3125550620', fromNumber: '5550621', hangupSide: 'caller' });
    expect(cdr.answeredAt).not.toBeNull();
    expect((await gateway().core.getCall(logged.callId))!.legs.every((leg) => leg.state === 'ended')).toBe(true);
  });

  test('an EXTEN DID whose extension does not answer leaves its caller unanswered and released', async () => {
    expectVicidialAnswer(await api('update_did', 'did_pattern=3125550620&exten_context=oracle-busy'), 'SUCCESS: update_did DID HAS BEEN UPDATED - 6690|3125550620\n');
    await gateway().farEnd.callIn('3125550620', '5550622');
    const logged = await loggedCall('5550622', '3125550620');
    const cdr = await cdrOf(logged.callId);
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: null, toNumber: '3125550620', answeredAt: null });
    expect((await gateway().core.getCall(logged.callId))!.call.progress.stage).toBe('not_answered');
  });

  test('a PHONE DID rings its phone’s device: the phone answers the caller, and its hang-up ends the call', async () => {
    expectVicidialAnswer(await api('add_did', 'did_pattern=3125550630&did_route=PHONE&phone_extension=102&server_ip=10.10.10.15'), 'SUCCESS: add_did DID HAS BEEN ADDED - 6690|3125550630\n');
    await gateway().farEnd.setPhone('102', { outcome: 'answer', ringMs: 300 });
    await gateway().farEnd.callIn('3125550630', '5550631');
    const logged = await loggedCall('5550631', '3125550630');
    expect(logged.route).toBe('PHONE');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(logged.callId);
      return current?.call.progress.stage === 'connected' ? current : undefined;
    }, 15000, 'the call connected to the phone');
    expect(connected.legs[1]).toMatchObject({ role: 'third_party', endpoint: 'PJSIP/102', callerNumber: '5550631', state: 'up' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await gateway().farEnd.hangup(connected.legs[1]!.id);
    const cdr = await cdrOf(logged.callId);
    expect(cdr).toMatchObject({ purpose: 'inbound', agentId: null, toNumber: '3125550630', fromNumber: '5550631' });
    expect(cdr.answeredAt).not.toBeNull();
    expect(cdr.hangupSide).not.toBe('caller');
  });

  test('a PHONE DID whose phone does not answer leaves its caller unanswered; an AGENT DID falls back to that phone', async () => {
    await gateway().farEnd.setPhone('102', { outcome: 'busy', ringMs: 300 });
    await gateway().farEnd.callIn('3125550630', '5550632');
    const logged = await loggedCall('5550632', '3125550630');
    expect(await cdrOf(logged.callId)).toMatchObject({ agentId: null, answeredAt: null });
    expect((await gateway().core.getCall(logged.callId))!.call.progress.stage).toBe('not_answered');

    await gateway().farEnd.setPhone('102', { outcome: 'answer', ringMs: 300 });
    expectVicidialAnswer(await api('update_did', 'did_pattern=3125550612&phone_extension=102&server_ip=10.10.10.15'), 'SUCCESS: update_did DID HAS BEEN UPDATED - 6690|3125550612\n');
    await gateway().core.updateDid({ pattern: '3125550612', changes: { agentUnavailableAction: 'PHONE' } });
    const caller = await gateway().farEnd.callIn('3125550612', '5550633');
    const fallback = await loggedCall('5550633', '3125550612');
    const connected = await gateway().waitFor(async () => {
      const current = await gateway().core.getCall(fallback.callId);
      return current?.call.progress.stage === 'connected' ? current : undefined;
    }, 15000, 'the call connected to the phone');
    expect(connected.legs[1]).toMatchObject({ endpoint: 'PJSIP/102' });
    await caller.hangup();
    expect(await cdrOf(fallback.callId)).toMatchObject({ agentId: null, hangupSide: 'caller' });
  });
});

import { wireCallId } from '../src/wire/call-id';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { customerCall, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent agent_status and logged_in_agents (spec §4.2): every response
// line and the export formats, on the agents' live sessions in Postgres.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=${fn}&${query}`);

const SIX = 'READY||0|TESTCAMP|0|Agent Six|AGENTS|1|||||8600056';
const AGENT_ROWS = [
  '1000|TESTCAMP|8600051|READY|0||0|Demo Agent||',
  '1001|||READY|0||0|Agent without conference||',
  '1002||86000|READY|0||0|Agent with a short conference||',
  '1003|NOLIST||READY|0||0|Agent without list||',
  '1004|OTHERDNC||READY|0||0|Agent sharing DNC||',
  '1005|AUTOCAMP|8600055|READY|0||0|Agent dialling automatically||',
  '1006|TESTCAMP|8600056|READY|0||0|Agent Six|AGENTS|1',
];

describe('agent_status', () => {
  test.each(['6675', '6667'])('without view_reports or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006', user), `ERROR: agent_status USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${user}|0|\n`);
  });

  test('no agent_user: INVALID SEARCH PARAMETERS', async () => {
    expectVicidialAnswer(await api('agent_status', 'agent_user='), 'ERROR: agent_status INVALID SEARCH PARAMETERS: 6666|\n');
  });

  test('an unknown agent, or one of a group the caller may not see: AGENT NOT FOUND', async () => {
    expectVicidialAnswer(await api('agent_status', 'agent_user=9999'), 'ERROR: agent_status AGENT NOT FOUND: 6666|9999\n');
    // 6676's group (AGENTS) sees AGENTS only; agent 1000 has no group.
    expectVicidialAnswer(await api('agent_status', 'agent_user=1000', '6676'), 'ERROR: agent_status AGENT NOT FOUND: 6676|1000\n');
  });

  test('an agent without a session: AGENT NOT LOGGED IN', async () => {
    expectVicidialAnswer(await api('agent_status', 'agent_user=1007'), 'ERROR: agent_status AGENT NOT LOGGED IN: 6666|1007\n');
  });

  test('a logged-in agent: one pipe row, its columns in order', async () => {
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006'), `${SIX}\n`);
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006', '6676'), `${SIX}\n`);
  });

  test('header=YES, stage csv / tab, include_ip=YES', async () => {
    expectVicidialAnswer(
      await api('agent_status', 'agent_user=1006&header=YES&stage=csv&include_ip=YES'),
      'status,callerid,lead_id,campaign_id,calls_today,full_name,user_group,user_level,pause_code,real_time_sub_status,phone_number,vendor_lead_code,session_id,computer_ip\n' +
        // No computer address known: the row has no field for it (VICIdial's), the header still names it.
        'READY,,0,TESTCAMP,0,Agent Six,AGENTS,1,,,,,8600056\n',
    );
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006&stage=tab'), `${SIX.replace(/\|/g, '\t')}\n`);
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006&stage=pipe&header=NO'), `${SIX}\n`);
  });
});

describe('logged_in_agents', () => {
  test('without view_reports: no permission', async () => {
    expectVicidialAnswer(await api('logged_in_agents', '', '6675'), 'ERROR: logged_in_agents USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |6675|0|\n');
  });

  test('every logged-in agent, in the order they logged in (provisioned by agent)', async () => {
    expectVicidialAnswer(await api('logged_in_agents', ''), `${AGENT_ROWS.join('\n')}\n`);
  });

  test('only the agents the caller may see', async () => {
    expectVicidialAnswer(await api('logged_in_agents', '', '6676'), `${AGENT_ROWS[6]}\n`);
  });

  test('campaigns and user_groups filter (pipe lists)', async () => {
    expectVicidialAnswer(await api('logged_in_agents', 'campaigns=AUTOCAMP|NOLIST'), `${AGENT_ROWS[3]}\n${AGENT_ROWS[5]}\n`);
    expectVicidialAnswer(await api('logged_in_agents', 'user_groups=AGENTS&campaigns=TESTCAMP'), `${AGENT_ROWS[6]}\n`);
  });

  test('nobody left: NO LOGGED IN AGENTS, no header', async () => {
    expectVicidialAnswer(await api('logged_in_agents', 'campaigns=NOSUCH&header=YES&agent_user=1000'), 'ERROR: logged_in_agents NO LOGGED IN AGENTS: 6666|1000\n');
  });

  test('show_sub_status=YES, header=YES, stage=csv', async () => {
    expectVicidialAnswer(
      await api('logged_in_agents', 'user_groups=AGENTS&show_sub_status=YES&header=YES&stage=csv'),
      'user,campaign_id,session_id,status,lead_id,callerid,calls_today,full_name,user_group,user_level,pause_code,sub_status\n1006,TESTCAMP,8600056,READY,0,,0,Agent Six,AGENTS,1,,\n',
    );
  });

  test('polls sent together, which share one read of the agents, each get their own format and filter', async () => {
    const queries = ['', 'stage=csv', 'stage=tab&show_sub_status=YES', 'user_groups=AGENTS&show_sub_status=YES&header=YES&stage=csv', 'campaigns=AUTOCAMP|NOLIST'];
    const alone: string[] = [];
    for (const query of queries) alone.push((await api('logged_in_agents', query)).text);
    const together = await Promise.all([...queries, ...queries].map((query) => api('logged_in_agents', query)));
    expect(together.map((answer) => answer.text)).toEqual([...alone, ...alone]);
    expect(alone[1]).toBe(`${AGENT_ROWS.map((line) => line.replace(/\|/g, ',')).join('\n')}\n`);
    expect(alone[2]).toBe(`${AGENT_ROWS.map((line) => `${line}||`.replace(/\|/g, '\t')).join('\n')}\n`);
  });
});

describe('API log', () => {
  const logged = (source: string) =>
    gateway().waitFor(
      async () => {
        const rows = await gateway().query<{ operation: string; api_user: string; outcome: string; result: string }>(
          "SELECT operation, api_user, outcome, result FROM api_log WHERE params->>'source' = $1",
          [source],
        );
        return rows.length > 0 ? rows[0]! : false;
      },
      5000,
      `api_log row of ${source}`,
    );

  test('an export is a success with its first row; a refusal an error with its line', async () => {
    await nonAgentGet(gateway(), 'source=logexportNA&user=6666&pass=1234&function=agent_status&agent_user=1006');
    expect(await logged('logexportNA')).toEqual({ operation: 'agent_status', api_user: '6666', outcome: 'success', result: SIX });
    await nonAgentGet(gateway(), 'source=logrefusalNA&user=6666&pass=1234&function=agent_status&agent_user=9999');
    expect(await logged('logrefusalNA')).toEqual({ operation: 'agent_status', api_user: '6666', outcome: 'error', result: 'ERROR: agent_status AGENT NOT FOUND: 6666|9999' });
  });
});

describe('user_group_status', () => {
  test('without view_reports: no permission', async () => {
    expectVicidialAnswer(await api('user_group_status', 'user_groups=AGENTS', '6675'), 'ERROR: user_group_status USER DOES NOT HAVE PERMISSION TO GET USER GROUP INFO: |6675|0|\n');
  });

  test('no user_groups: INVALID SEARCH PARAMETERS', async () => {
    expectVicidialAnswer(await api('user_group_status', 'user_groups=%27%3B'), 'ERROR: user_group_status INVALID SEARCH PARAMETERS: 6666|\n');
    // A value naming no group is still a search: VICIdial prints it, its pipes turned to spaces.
    expectVicidialAnswer(await api('user_group_status', 'user_groups=||'), '  |0|0|0|0|0|0|0|0\n');
  });

  test("one row counting the groups' agents; header=YES, stage=csv", async () => {
    expectVicidialAnswer(await api('user_group_status', 'user_groups=AGENTS'), 'AGENTS|0|1|0|1|0|0|0|0\n');
    expectVicidialAnswer(
      await api('user_group_status', 'user_groups=AGENTS|NOGROUP&header=YES&stage=csv'),
      'usergroups,calls_waiting,agents_logged_in,agents_in_calls,agents_waiting,agents_paused,agents_in_dead_calls,agents_in_dispo,agents_in_dial\nAGENTS NOGROUP,0,1,0,1,0,0,0,0\n',
    );
    expectVicidialAnswer(await api('user_group_status', 'user_groups=NOGROUP'), 'NOGROUP|0|0|0|0|0|0|0|0\n');
  });
});

describe('live states', () => {
  test('a poll repeated while nothing changed gets the same answer; a change is in the very next poll', async () => {
    const poll = () => api('logged_in_agents', 'user_groups=AGENTS&show_sub_status=YES');
    const ready = '1006|TESTCAMP|8600056|READY|0||0|Agent Six|AGENTS|1||\n';
    expectVicidialAnswer(await poll(), ready);
    expectVicidialAnswer(await poll(), ready);
    await gateway().core.pauseAgent({ agentId: '1006', reason: 'LUNCH' });
    expectVicidialAnswer(await poll(), '1006|TESTCAMP|8600056|PAUSED|0||0|Agent Six|AGENTS|1|LUNCH|\n');
    expectVicidialAnswer(await poll(), '1006|TESTCAMP|8600056|PAUSED|0||0|Agent Six|AGENTS|1|LUNCH|\n');
    await gateway().core.resumeAgent({ agentId: '1006' });
    expectVicidialAnswer(await poll(), ready);
    // Another format of the same poll, then the first again: each answer kept apart.
    expectVicidialAnswer(await api('logged_in_agents', 'user_groups=AGENTS&show_sub_status=YES&stage=csv'), '1006,TESTCAMP,8600056,READY,0,,0,Agent Six,AGENTS,1,,\n');
    expectVicidialAnswer(await poll(), ready);
  });

  test('a paused agent shows its pause code', async () => {
    await gateway().core.pauseAgent({ agentId: '1006', reason: 'BREAK' });
    expectVicidialAnswer(await api('agent_status', 'agent_user=1006'), 'PAUSED||0|TESTCAMP|0|Agent Six|AGENTS|1|BREAK||||8600056\n');
    expectVicidialAnswer(await api('logged_in_agents', 'user_groups=AGENTS&show_sub_status=YES'), '1006|TESTCAMP|8600056|PAUSED|0||0|Agent Six|AGENTS|1|BREAK|\n');
    expectVicidialAnswer(await api('user_group_status', 'user_groups=AGENTS'), 'AGENTS|0|1|0|0|1|0|0|0\n');
    await gateway().core.resumeAgent({ agentId: '1006' });
  });

  test('an agent on a call: INCALL with the call ID; 3-WAY with a third party, PARK with the customer parked', async () => {
    const { callId } = await customerCall(gateway(), '1000');
    const row = (subStatus: string) => `INCALL|${wireCallId(callId)}|0|TESTCAMP|0|Demo Agent||||${subStatus}|||8600051\n`;
    expectVicidialAnswer(await api('agent_status', 'agent_user=1000'), row(''));
    await gateway().core.dialThirdParty({ agentId: '1000', number: '800555111', callerId: null });
    expectVicidialAnswer(await api('agent_status', 'agent_user=1000'), row('3-WAY'));
    await gateway().core.parkCallParty({ agentId: '1000', party: 'customer' });
    expectVicidialAnswer(await api('agent_status', 'agent_user=1000'), row('PARK'));
    expectVicidialAnswer(await api('logged_in_agents', 'campaigns=TESTCAMP&user_groups=&show_sub_status=YES'), `1000|TESTCAMP|8600051|INCALL|0|${wireCallId(callId)}|0|Demo Agent||||PARK\n1006|TESTCAMP|8600056|READY|0||0|Agent Six|AGENTS|1||\n`);
  });
});

describe('logged_in_agents row order', () => {
  // VICIdial reads its live agents without an ORDER BY: rows come in the order
  // the agents logged in, not by agent id.
  test('an agent who logs in again comes last', async () => {
    await gateway().core.logoutAgent({ agentId: '1003', whenInCall: 'refuse' });
    await gateway().core.loginAgent({
      agentId: '1003',
      via: 'vicidial',
      phoneNumber: null,
      conferenceNumber: null,
      connectPhone: false,
      campaignId: 'NOLIST',
      initialState: 'ready',
      queues: [],
      blended: true,
    });
    expectVicidialAnswer(await api('logged_in_agents', 'campaigns=NOLIST|OTHERDNC|AUTOCAMP'), `${AGENT_ROWS[4]}\n${AGENT_ROWS[5]}\n${AGENT_ROWS[3]}\n`);
  });
});

import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent in_group_status: every response line and export format. Agent
// 1007 is logged in (paused) taking the calls of in-group SALESLINE.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      sessions: [...(NON_AGENT_PROVISIONING.sessions ?? []), { agentId: '1007', via: 'vicidial', conferenceNumber: '8600057', campaignId: 'TESTCAMP', queues: ['SALESLINE'] }],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=in_group_status&user=${user}&pass=1234&${query}`);

test.each(['6675', '6667', '6679'])('without view_reports or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('in_groups=SALESLINE', user), `ERROR: in_group_status USER DOES NOT HAVE PERMISSION TO GET IN-GROUP INFO: |${user}|0|\n`);
});

test('no in-group named', async () => {
  expectVicidialAnswer(await api(''), 'ERROR: in_group_status INVALID SEARCH PARAMETERS: 6666|\n');
  expectVicidialAnswer(await api('in_groups='), 'ERROR: in_group_status INVALID SEARCH PARAMETERS: 6666|\n');
  // A value naming no in-group is still a search: VICIdial prints it, its pipes turned to spaces.
  expectVicidialAnswer(await api('in_groups=||'), '  |0|0|0|0|0|0|0|0\n');
});

test("one row: the in-groups' calls and the agents taking them; csv with header=YES", async () => {
  expectVicidialAnswer(await api('in_groups=SALESLINE'), 'SALESLINE|0|0|1|0|1|0|0|0\n');
  expectVicidialAnswer(
    await api('in_groups=SALESLINE|NOPE&stage=csv&header=YES'),
    'ingroups,total_calls,calls_waiting,agents_logged_in,agents_in_calls,agents_waiting,agents_paused,agents_in_dispo,agents_in_dial\nSALESLINE NOPE,0,0,1,0,1,0,0,0\n',
  );
  expectVicidialAnswer(await api('in_groups=NOPE&stage=tab'), 'NOPE\t0\t0\t0\t0\t0\t0\t0\t0\n');
});

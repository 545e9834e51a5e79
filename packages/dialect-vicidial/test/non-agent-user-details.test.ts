import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent user_details: every response line and export format.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=user_details&user=${user}&pass=1234&${query}`);

test.each(['6675', '6667'])('without view_reports or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('agent_user=1006', user), `ERROR: user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS: |${user}|0|\n`);
});

test('no agent_user', async () => {
  expectVicidialAnswer(await api(''), 'ERROR: user_details INVALID SEARCH PARAMETERS: 6666|\n');
});

test("an unknown agent, or one of a group the caller's group may not see", async () => {
  expectVicidialAnswer(await api('agent_user=9999'), 'ERROR: user_details USER NOT FOUND: 6666|9999\n');
  expectVicidialAnswer(await api('agent_user=1000', '6676'), 'ERROR: user_details USER NOT FOUND: 6676|1000\n');
});

test('the agent: pipe-separated by default; csv and tab with header=YES', async () => {
  expectVicidialAnswer(await api('agent_user=1006'), '1006|Agent Six|AGENTS|1|Y\n');
  expectVicidialAnswer(await api('agent_user=1006', '6676'), '1006|Agent Six|AGENTS|1|Y\n');
  expectVicidialAnswer(await api('agent_user=1006&stage=csv&header=YES'), 'user,full_name,user_group,user_level,active\n1006,Agent Six,AGENTS,1,Y\n');
  expectVicidialAnswer(await api('agent_user=1006&stage=tab&header=YES'), 'user\tfull_name\tuser_group\tuser_level\tactive\n1006\tAgent Six\tAGENTS\t1\tY\n');
});

test('an agent made inactive by update_user reads N', async () => {
  expectVicidialAnswer(await nonAgentGet(gateway(), 'source=test&function=update_user&user=6666&pass=1234&agent_user=1007&active=N'), 'SUCCESS: update_user USER HAS BEEN UPDATED - 6666|1007|\n');
  expectVicidialAnswer(await api('agent_user=1007&stage=pipe'), '1007|Agent Seven|AGENTS|1|N\n');
});

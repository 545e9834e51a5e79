import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent hopper_list: every response line. The gateway has no hopper
// (it dials no leads by itself), so a campaign's hopper is always empty.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=hopper_list&user=${user}&pass=1234&${query}`);

test.each(['6675', '6667', '6679'])('without view_reports, level 8 or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('campaign_id=TESTCAMP', user), `ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${user}|0|\n`);
});

test("a campaign that does not exist, none given, or one outside the caller's group", async () => {
  expectVicidialAnswer(await api('campaign_id=NOPE'), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|NOPE\n');
  expectVicidialAnswer(await api(''), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|\n');
  expectVicidialAnswer(await api('campaign_id=AUTOCAMP', '6676'), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6676|AUTOCAMP\n');
});

test('a campaign: its hopper is empty (no header, even when asked)', async () => {
  expectVicidialAnswer(await api('campaign_id=TESTCAMP&header=YES'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|TESTCAMP\n');
  expectVicidialAnswer(await api('campaign_id=TESTCAMP', '6676'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6676|TESTCAMP\n');
});

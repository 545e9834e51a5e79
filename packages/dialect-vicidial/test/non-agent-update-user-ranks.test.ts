import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_user: the campaign and in-group ranks and grades and the
// password reset, every line they print, and what Postgres then holds.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string) => nonAgentGet(gateway(), `source=test&function=update_user&user=6666&pass=1234&${query}`);
const campaignRanks = async (agentId: string) => Object.fromEntries((await gateway().core.agentCampaignRanks(agentId)).map((row) => [row.campaignId, [row.rank, row.grade]]));
const queueRank = async (queueName: string, agentId: string) => {
  const member = (await gateway().core.getQueue(queueName))?.members.find((candidate) => candidate.agentId === agentId);
  return member ? [member.weight, member.grade] : null;
};

test.each([
  ['campaign_rank=10', 'YOU MUST USE A VALID CAMPAIGN RANK, THIS IS AN OPTIONAL FIELD: |6666|10'],
  ['campaign_rank=-10&campaign_grade=5', 'YOU MUST USE A VALID CAMPAIGN RANK, THIS IS AN OPTIONAL FIELD: |6666|-10'],
  ['campaign_grade=0', 'YOU MUST USE A VALID CAMPAIGN GRADE, THIS IS AN OPTIONAL FIELD: |6666|0'],
  ['campaign_rank=3&campaign_grade=11', 'YOU MUST USE A VALID CAMPAIGN GRADE, THIS IS AN OPTIONAL FIELD: |6666|11'],
  ['ingroup_rank=-10', 'YOU MUST USE A VALID IN-GROUP RANK, THIS IS AN OPTIONAL FIELD: |6666|-10'],
  ['ingroup_grade=11', 'YOU MUST USE A VALID IN-GROUP GRADE, THIS IS AN OPTIONAL FIELD: |6666|11'],
])('a rank or grade out of bounds: %s (nothing changes)', async (query, line) => {
  expectVicidialAnswer(await api(`agent_user=1007&active=N&${query}`), `ERROR: update_user ${line}\n`);
  expect(await campaignRanks('1007')).toEqual({});
  expect((await gateway().core.getAgent('1007'))?.active).toBe(true);
});

test('campaign ranks alone: every campaign gets them, then NO UPDATES DEFINED follows the NOTICE', async () => {
  const campaigns = (await gateway().core.listCampaigns()).map((campaign) => campaign.id);
  expect(campaigns.length).toBeGreaterThan(1);
  expectVicidialAnswer(
    await api('agent_user=1007&campaign_rank=-3&campaign_grade=7'),
    'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1007|-3|7\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
  );
  expect(await campaignRanks('1007')).toEqual(Object.fromEntries(campaigns.map((id) => [id, [-3, 7]])));
});

test('camp_rg_only=1: only campaign_id changes, a grade not given stays; the other fields are then saved', async () => {
  expectVicidialAnswer(
    await api('agent_user=1007&campaign_rank=9&camp_rg_only=1&campaign_id=TESTCAMP&agent_full_name=Ranked+Seven'),
    'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1007|9||TESTCAMP|1\nSUCCESS: update_user USER HAS BEEN UPDATED - 6666|1007|\n',
  );
  const ranks = await campaignRanks('1007');
  expect(ranks.TESTCAMP).toEqual([9, 7]);
  expect(ranks.AUTOCAMP).toEqual([-3, 7]);
  expect((await gateway().core.getAgent('1007'))?.name).toBe('Ranked Seven');
});

test('a bad in-group rank after the campaign NOTICE: the campaign ranks are set, the answer ends with the ERROR, the account stays', async () => {
  expectVicidialAnswer(
    await api('agent_user=1007&campaign_grade=2&ingroup_rank=12&active=N'),
    'NOTICE: update_user USER CAMPAIGN RANKS/GRADES HAVE BEEN UPDATED - 6666|1007||2\nERROR: update_user YOU MUST USE A VALID IN-GROUP RANK, THIS IS AN OPTIONAL FIELD: |6666|12\n',
  );
  expect((await campaignRanks('1007')).TESTCAMP).toEqual([9, 2]);
  expect((await gateway().core.getAgent('1007'))?.active).toBe(true);
});

test("in-group ranks: the weight and grade of the agent's in-groups (all, or with ingrp_rg_only=1 group_id alone)", async () => {
  await gateway().core.changeAgentQueues({ agentId: '1006', change: 'add', queues: ['SALESLINE', 'TEST_IN2'], blended: null });
  expectVicidialAnswer(
    await api('agent_user=1006&ingroup_rank=5&ingroup_grade=8&hotkeys_active=1'),
    'NOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - 6666|1006|5|8\nSUCCESS: update_user USER HAS BEEN UPDATED - 6666|1006|\n',
  );
  expect(await queueRank('SALESLINE', '1006')).toEqual([5, 8]);
  expect(await queueRank('TEST_IN2', '1006')).toEqual([5, 8]);
  // An in-group the agent does not serve is not joined.
  expect(await queueRank('TEST_IN', '1006')).toBeNull();

  expectVicidialAnswer(
    await api('agent_user=1006&ingroup_rank=-2&ingrp_rg_only=1&group_id=SALESLINE'),
    'NOTICE: update_user USER IN-GROUP RANKS/GRADES HAVE BEEN UPDATED - 6666|1006|-2||SALESLINE|1\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
  );
  expect(await queueRank('SALESLINE', '1006')).toEqual([-2, 8]);
  expect(await queueRank('TEST_IN2', '1006')).toEqual([5, 8]);
});

test('reset_password without a valid address: the NOTICE says so and the password stays', async () => {
  const before = (await gateway().core.getAgent('1006'))!.secretHash;
  expectVicidialAnswer(
    await api('agent_user=1006&reset_password=12'),
    'NOTICE: update_user USER PASSWORD RESET FAILED: NO VALID EMAIL PROVIDED - 6666|1006|\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
  );
  expect((await gateway().core.getAgent('1006'))!.secretHash).toBe(before);
});

test('reset_password with an address: no mail goes out, so the NOTICE is the mail failure and the password stays; the e-mail given is saved', async () => {
  const before = (await gateway().core.getAgent('1006'))!.secretHash;
  expectVicidialAnswer(
    await api('agent_user=1006&reset_password=10&email=six%40example.org'),
    'NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - 6666|1006|six@example.org|\nSUCCESS: update_user USER HAS BEEN UPDATED - 6666|1006|\n',
  );
  const after = (await gateway().core.getAgent('1006'))!;
  expect(after.secretHash).toBe(before);
  expect(after.attributes.email).toBe('six@example.org');
  // The agent's own address is used when none is given; a length under 8 asks for no reset at all.
  expectVicidialAnswer(
    await api('agent_user=1006&reset_password=8'),
    'NOTICE: update_user USER PASSWORD RESET FAILED: EMAIL FAILURE - 6666|1006|six@example.org|\nERROR: update_user NO UPDATES DEFINED: |6666|\n',
  );
  expectVicidialAnswer(await api('agent_user=1006&reset_password=7'), 'ERROR: update_user NO UPDATES DEFINED: |6666|\n');
});

import { CAMPAIGN_EDITORS, NON_AGENT_PROVISIONING, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_campaign: every response line, the campaign changed in
// Postgres and shown by campaigns_list, its hopper emptied by reset_hopper.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      CAMPAIGN_EDITORS,
      {
        campaigns: [...(NON_AGENT_PROVISIONING.campaigns ?? []), { id: 'EDITCAMP', manualDialListId: 500, settings: { dial_statuses: ' NEW NA -' } }],
        lists: [...(NON_AGENT_PROVISIONING.lists ?? []), { id: 500, campaignId: 'EDITCAMP' }],
        leads: [{ id: 95, listId: 500, phoneNumber: '3125550095' }],
      },
    ),
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=update_campaign&user=${user}&pass=1234&${query}`);
const campaign = async () => (await gateway().core.getCampaign('EDITCAMP'))!;

test.each(['6675', '6683', '6667'])('without modify_campaigns, below level 8 or without API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('campaign_id=EDITCAMP&active=N', user), `ERROR: update_campaign USER DOES NOT HAVE PERMISSION TO UPDATE CAMPAIGNS: |${user}|0\n`);
});

test.each([
  ['campaign_name=Testing', '|6666||Testing|'],
  ['campaign_id=E&campaign_name=Testing', '|6666|E|Testing|E'],
  ['campaign_id=EDITCAMP99', '|6666|EDITCAMP99||EDITCAMP99'],
])('campaign_id missing, shorter than 2 or longer than 8: %s', async (query, echo) => {
  expectVicidialAnswer(await api(query), `ERROR: update_campaign YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
});

test("no such campaign, or one outside the caller's group's campaigns", async () => {
  expectVicidialAnswer(await api('campaign_id=NOCAMP&active=N'), 'ERROR: update_campaign CAMPAIGN DOES NOT EXIST: |6666|NOCAMP\n');
  expectVicidialAnswer(await api('campaign_id=EDITCAMP&active=N', '6682'), 'ERROR: update_campaign CAMPAIGN DOES NOT EXIST: |6682|EDITCAMP\n');
});

test.each([
  ['auto_dial_level=5.5', 'AUTO DIAL LEVEL MUST BE FROM 0 TO 4', '5.5'],
  ['dial_method=PREDICTIVE', 'DIAL METHOD IS NOT VALID', 'PREDICTIVE'],
  ['adaptive_maximum_level=123456', 'ADAPT MAXIMUM DIAL LEVEL MUST BE FROM 1 TO 5 CHARACTERS', '123456'],
  ['campaign_vdad_exten=12', 'ROUTING EXTENSION MUST BE FROM 3 TO 20 CHARACTERS', '12'],
  ['hopper_level=2001', 'HOPPER LEVEL MUST BE FROM 1 TO 2000', '2001'],
  ['dial_timeout=121', 'DIAL TIMEOUT MUST BE FROM 1 TO 120', '121'],
  ['campaign_name=short', 'CAMPAIGN NAME MUST BE FROM 6 TO 40 CHARACTERS', 'short'],
  ['outbound_cid=12345', 'CAMPAIGN CID MUST BE FROM 6 TO 20 CHARACTERS', '12345'],
  ['lead_filter_id=NOFILTER', 'CAMPAIGN LEAD FILTER MUST BE A VALID FILTER IN THE SYSTEM', 'NOFILTER'],
  ['active=X', 'ACTIVE MUST BE Y OR N', 'X'],
  [`xferconf_one=${'1'.repeat(51)}`, 'TRANSFER CONF NUMBER ONE IS NOT VALID', '1'.repeat(51)],
  [`xferconf_two=${'2'.repeat(51)}`, 'TRANSFER CONF NUMBER TWO IS NOT VALID', '2'.repeat(51)],
  [`xferconf_three=${'3'.repeat(51)}`, 'TRANSFER CONF NUMBER THREE IS NOT VALID', '3'.repeat(51)],
  [`xferconf_four=${'4'.repeat(51)}`, 'TRANSFER CONF NUMBER FOUR IS NOT VALID', '4'.repeat(51)],
  [`xferconf_five=${'5'.repeat(51)}`, 'TRANSFER CONF NUMBER FIVE IS NOT VALID', '5'.repeat(51)],
  ['dispo_call_url=ab', 'DISPO CALL URL IS NOT VALID', 'ab'],
  ['dial_status_add=ABCDEFG', 'DIAL STATUS ADD IS NOT VALID', 'ABCDEFG'],
  ['dial_status_remove=ABCDEFG', 'DIAL STATUS REMOVE IS NOT VALID', 'ABCDEFG'],
  ['dial_status_remove=SALE', 'DIAL STATUS REMOVE FAILURE, NOT AN EXISTING DIAL STATUS', 'SALE'],
])('a bad optional field ends the function, nothing changed: %s', async (query, why, echo) => {
  const before = await campaign();
  expectVicidialAnswer(await api(`campaign_id=EDITCAMP&active=N&${query}`), `ERROR: update_campaign ${why}, THIS IS AN OPTIONAL FIELD: |6666|${echo}\n`);
  expect(await campaign()).toEqual(before);
});

test('the first bad field in the script\'s order is the one named', async () => {
  expectVicidialAnswer(await api('campaign_id=EDITCAMP&active=X&dial_timeout=999'), 'ERROR: update_campaign DIAL TIMEOUT MUST BE FROM 1 TO 120, THIS IS AN OPTIONAL FIELD: |6666|999\n');
});

test('no field given: NO UPDATES DEFINED', async () => {
  expectVicidialAnswer(await api('campaign_id=EDITCAMP'), 'NOTICE: update_campaign NO UPDATES DEFINED: |6666|\n');
});

test('SUCCESS: the campaign changes, and campaigns_list shows it', async () => {
  expectVicidialAnswer(
    await api('campaign_id=EDITCAMP&campaign_name=Edited+campaign&active=N&dial_method=RATIO&auto_dial_level=2.5&dial_timeout=45&outbound_cid=3125551234&xferconf_one=3125550001&dial_status_add=CALLBK&lead_filter_id=---NONE---'),
    'SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|EDITCAMP\n',
  );
  expect(await campaign()).toMatchObject({
    name: 'Edited campaign',
    active: false,
    dialMethod: 'RATIO',
    campaignCid: '3125551234',
    settings: { auto_dial_level: '2.5', dial_timeout: '45', xferconf_a_number: '3125550001', dial_statuses: ' CALLBK NEW NA -', lead_filter_id: '' },
  });
  const list = await nonAgentGet(gateway(), 'source=test&function=campaigns_list&user=6666&pass=1234&campaign_id=EDITCAMP');
  expectVicidialAnswer(list, 'EDITCAMP|Edited campaign|N|---ALL---|RATIO|2.5|DOWN|CALLBK NEW NA|45|||\n');
});

test('dial_status_remove takes one status out; xferconf --BLANK-- empties the number', async () => {
  expectVicidialAnswer(await api('campaign_id=EDITCAMP&dial_status_remove=NA&xferconf_one=--BLANK--'), 'SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|EDITCAMP\n');
  expect((await campaign()).settings).toMatchObject({ dial_statuses: ' CALLBK NEW -', xferconf_a_number: '' });
});

test('reset_hopper=Y empties the hopper, with updates or without', async () => {
  const core = gateway().core;
  await core.addLeadToHopper({ leadId: 95, priority: 0, source: 'P' });
  expect(await core.hopperOfCampaign('EDITCAMP')).toHaveLength(1);
  expectVicidialAnswer(await api('campaign_id=EDITCAMP&reset_hopper=Y'), 'NOTICE: update_campaign NO UPDATES DEFINED: |6666|\nNOTICE: update_campaign HOPPER HAS BEEN RESET - 6666|EDITCAMP|\n');
  expect(await core.hopperOfCampaign('EDITCAMP')).toHaveLength(0);
  await core.addLeadToHopper({ leadId: 95, priority: 0, source: 'P' });
  expectVicidialAnswer(
    await api('campaign_id=EDITCAMP&active=Y&reset_hopper=Y'),
    'SUCCESS: update_campaign CAMPAIGN HAS BEEN UPDATED - 6666|EDITCAMP\nNOTICE: update_campaign HOPPER HAS BEEN RESET - 6666|EDITCAMP|\n',
  );
  expect(await core.hopperOfCampaign('EDITCAMP')).toHaveLength(0);
  expect((await campaign()).active).toBe(true);
});

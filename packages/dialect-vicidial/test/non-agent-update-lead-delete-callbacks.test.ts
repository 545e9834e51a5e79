import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_lead: delete_lead, the callback parameters (callback=Y
// and REMOVE), update_phone_number, and a request that changes nothing;
// every line, and the leads and callbacks in Postgres.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      leads: [
        { id: 70, listId: 101, phoneNumber: '3125550070' },
        { id: 71, listId: 101, phoneNumber: '3125550071' },
        { id: 72, listId: 102, phoneNumber: '3125550072' },
      ],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=update_lead&${query}`);

test('delete_lead=Y: the lead is gone, with the count of its callbacks', async () => {
  expectVicidialAnswer(await api('lead_id=70&delete_lead=Y&first_name=Ignored'), 'SUCCESS: update_lead LEAD HAS BEEN DELETED 0|0 - 6666|70|1|0|0|\n');
  expect(await gateway().core.getLead(70)).toBeNull();
  expectVicidialAnswer(await api('lead_id=70&delete_lead=Y'), 'ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|70||\n');
});

test('no field to change and nothing else asked: an empty answer', async () => {
  expectVicidialAnswer(await api('lead_id=71'), '');
});

test('the phone number changes only with update_phone_number=Y', async () => {
  expectVicidialAnswer(await api('lead_id=71&phone_number=3125559991'), '');
  expect((await gateway().core.getLead(71))?.phoneNumber).toBe('3125550071');
  expectVicidialAnswer(await api('lead_id=71&phone_number=3125559991&update_phone_number=Y'), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|71|1|||\n');
  expect((await gateway().core.getLead(71))?.phoneNumber).toBe('3125559991');
});

test('callback=Y for a lead without one: a campaign that does not exist, or a USERONLY agent that does not', async () => {
  expectVicidialAnswer(await api('lead_id=71&callback=Y'), 'NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - 71|\n');
  expectVicidialAnswer(await api('lead_id=71&callback=Y&campaign_id=NOCAMP'), 'NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - 71|NOCAMP\n');
  expectVicidialAnswer(
    await api('lead_id=71&callback=Y&campaign_id=TESTCAMP&callback_type=USERONLY&callback_user=9999'),
    'NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - 71|TESTCAMP|9999|USERONLY\n',
  );
  expect(await gateway().core.callbacksOfLead(71)).toEqual([]);
});

test('callback=Y: added after the lead line, then changed, then REMOVE moves it to the callback archive', async () => {
  expectVicidialAnswer(
    await api('lead_id=71&first_name=Seventy&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-01-02+10:00:00&callback_type=USERONLY&callback_user=1006&callback_comments=after+lunch'),
    'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|71|1|||\nNOTICE: update_lead SCHEDULED CALLBACK ADDED - 71|TESTCAMP|2030-01-02 10:00:00|USERONLY|1006|CALLBK\n',
  );
  const [added] = await gateway().core.callbacksOfLead(71);
  expect(added).toMatchObject({ leadId: 71, listId: 101, campaignId: 'TESTCAMP', state: 'ACTIVE', status: 'CALLBK', recipient: 'USERONLY', agentId: '1006', comments: 'after lunch' });
  expect((await gateway().core.getLead(71))?.status).toBe('NEW');

  expectVicidialAnswer(await api('lead_id=71&callback=Y'), 'NOTICE: update_lead SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED - 71|\n');
  expectVicidialAnswer(await api('lead_id=71&callback=Y&callback_status=CBX2&callback_type=ANYONE'), 'NOTICE: update_lead SCHEDULED CALLBACK UPDATED - 71|||ANYONE||CBX2\n');
  expect(await gateway().core.callbacksOfLead(71)).toEqual([expect.objectContaining({ id: added!.id, status: 'CBX2', recipient: 'ANYONE', agentId: '1006', comments: 'after lunch', state: 'ACTIVE' })]);

  expectVicidialAnswer(await api('lead_id=71&callback=REMOVE'), 'NOTICE: update_lead SCHEDULED CALLBACK DELETED - 6666|71|1|1\n');
  expect(await gateway().core.callbacksOfLead(71)).toEqual([]);
  // Moved to the callback archive, as VICIdial's count of archived callbacks says.
  expect(await gateway().core.archivedCallbacksOfLead(71)).toEqual([expect.objectContaining({ id: added!.id, status: 'CBX2', recipient: 'ANYONE' })]);
});

test('delete_lead=Y of a lead with a callback: the lead gone, its callback archived, the count in the line', async () => {
  // NOW is echoed as the local time it was read as.
  const added = await api('lead_id=72&callback=Y&campaign_id=TESTCAMP&callback_datetime=NOW');
  expect(added.text).toMatch(/^NOTICE: update_lead SCHEDULED CALLBACK ADDED - 72\|TESTCAMP\|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\|ANYONE\|\|CALLBK\n$/);
  expectVicidialAnswer(await api('lead_id=72&delete_lead=Y'), 'SUCCESS: update_lead LEAD HAS BEEN DELETED 1|1 - 6666|72|1|1|1|\n');
  expect(await gateway().core.getLead(72)).toBeNull();
  expect(await gateway().core.callbacksOfLead(72)).toEqual([]);
  expect(await gateway().core.archivedCallbacksOfLead(72)).toEqual([expect.objectContaining({ leadId: 72, recipient: 'ANYONE', status: 'CALLBK' })]);
});

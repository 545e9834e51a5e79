import { CALL_TIME_EXCLUDING_NOW } from './support/call-time-excluding-now';
import { CAMPAIGN_EDITORS, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// Non-Agent hopper_bulk_insert: leads queued in the hopper of their lists'
// campaigns, every line. 6682 (group AGENTS) works with TESTCAMP alone,
// 6683 is of level 7. Leads 7101-7102 are of TESTCAMP's list 101, 7103 of
// OTHERDNC's list 300, 7104 of TESTCAMP's list 102 (whose call time the
// local time test narrows), 7105 of a list that does not exist.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      CAMPAIGN_EDITORS,
      {
        leads: [
          { id: 7101, listId: 101, phoneNumber: '3125557101', state: 'IL' },
          { id: 7102, listId: 101, phoneNumber: '3125557102' },
          { id: 7103, listId: 300, phoneNumber: '3125557103' },
          { id: 7104, listId: 102, phoneNumber: '3125557104', state: 'NY' },
          { id: 7105, listId: 9876, phoneNumber: '3125557105' },
        ],
      },
    ),
  },
});

const call = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);
const api = (query: string, user = '6666') => call('hopper_bulk_insert', query, user);

/** The hopper entry numbers of a response's LEAD ADDED lines, in order. */
const entries = (response: WireResponse): string[] => [...response.text.matchAll(/LEAD ADDED TO HOPPER - \d+\|\d+\|(\d+)\|/g)].map((match) => match[1]!);

test.each(['6675', '6683', '6667'])('without modify_campaigns, below level 8 or without API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('lead_ids=7101', user), `ERROR: hopper_bulk_insert USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE HOPPER - ${user}|0\n`);
  expect(await gateway().core.hopperEntryOfLead(7101)).toBeNull();
});

test('no lead ids: nothing inserted', async () => {
  expectVicidialAnswer(await api('lead_ids=,,'), 'ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 0|0|6666\n');
  expectVicidialAnswer(await api(''), 'ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 0|0|6666\n');
});

test('leads not found, a lead id of more than 9 digits among them', async () => {
  expectVicidialAnswer(
    await api('lead_ids=999999,1234567890'),
    'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - 999999\nNOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - 1234567890\nERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 2|0|6666\n',
  );
});

test("a lead whose list has no campaign, or a campaign outside the caller's group", async () => {
  expectVicidialAnswer(await api('lead_ids=7105'), 'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, CAMPAIGN DOES NOT EXIST - 9876|7105\nERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|6666\n');
  expectVicidialAnswer(await api('lead_ids=7103', '6682'), 'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, CAMPAIGN DOES NOT EXIST - 300|7103\nERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|6682\n');
  expect(await gateway().core.hopperEntryOfLead(7103)).toBeNull();
});

test('leads queued with the priority given, one line each, then the count and the last entry; hopper_list shows them', async () => {
  const response = await api('lead_ids=7101,7102,7101&hopper_priority=97');
  const [first, second] = entries(response);
  expectVicidialAnswer(
    response,
    [
      `NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125557101|7101|${first}|6666`,
      `NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125557102|7102|${second}|6666`,
      'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - 7101',
      `SUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - 2|1|${second}|6666`,
      '',
    ].join('\n'),
  );
  expect(Number(second)).toBeGreaterThan(Number(first));
  expect(await gateway().core.hopperEntryOfLead(7101)).toMatchObject({ campaignId: 'TESTCAMP', priority: 97, source: 'P', state: 'IL', status: 'READY' });
  expect((await call('hopper_list', 'campaign_id=TESTCAMP')).text).toMatch(/^0\|97\|7101\|101\|3125557101\|.*\n1\|97\|7102\|101\|/);
});

test('a lead already queued', async () => {
  expectVicidialAnswer(await api('lead_ids=7102'), 'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - 7102\nERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|6666\n');
});

test('hopper_local_call_time_check=Y: a lead outside its call time is not queued (offset and state echoed); without the check it is', async () => {
  expectVicidialAnswer(await call('update_list', `list_id=102&local_call_time=${CALL_TIME_EXCLUDING_NOW.id}`), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|102\n');
  try {
    expectVicidialAnswer(
      await api('lead_ids=7104&hopper_local_call_time_check=Y'),
      'NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125557104|7104|0.00|NY|0\nERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|6666\n',
    );
    const unchecked = await api('lead_ids=7104&hopper_priority=150');
    const [entry] = entries(unchecked);
    expectVicidialAnswer(unchecked, `NOTICE: hopper_bulk_insert LEAD ADDED TO HOPPER - 3125557104|7104|${entry}|6666\nSUCCESS: hopper_bulk_insert LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1|0|${entry}|6666\n`);
    // A priority outside -99..99 queues at 0.
    expect(await gateway().core.hopperEntryOfLead(7104)).toMatchObject({ priority: 0 });
  } finally {
    await call('update_list', 'list_id=102&local_call_time=campaign');
  }
});

test('at most 1000 lead ids are taken', async () => {
  const ids = Array.from({ length: 1001 }, (_, index) => String(800000 + index)).join(',');
  const response = await call('hopper_bulk_insert', `lead_ids=${ids}`);
  const lines = response.text.trimEnd().split('\n');
  expect(lines).toHaveLength(1001);
  expect(lines[999]).toBe('NOTICE: hopper_bulk_insert NOT ADDED TO HOPPER, LEAD NOT FOUND - 800999');
  expect(lines[1000]).toBe('ERROR: hopper_bulk_insert NO LEADS HAVE BEEN INSERTED INTO THE HOPPER - 1000|0|6666');
});

import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent batch_update_lead: the same values to every lead of `lead_ids`,
// every line it prints; leads in Postgres.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      leads: [
        { id: 70, listId: 101, phoneNumber: '3125550070', firstName: 'Seventy', city: 'Chicago' },
        { id: 71, listId: 102, phoneNumber: '3125550071', firstName: 'Seventyone' },
        { id: 72, listId: 300, phoneNumber: '3125550072', firstName: 'Seventytwo' },
        { id: 73, listId: 101, phoneNumber: '3125550073', firstName: 'Seventythree' },
      ],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=batch_update_lead&${query}`);

test.each(['6675', '6667'])('no permission (%s)', async (user) => {
  expectVicidialAnswer(await api('lead_ids=70&first_name=X', user), `ERROR: batch_update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${user}|0|\n`);
});

test('no lead numbers: NO LEADS DEFINED', async () => {
  expectVicidialAnswer(await api('first_name=X'), 'ERROR: batch_update_lead NO LEADS DEFINED - 6666|\n');
  expectVicidialAnswer(await api('lead_ids=abc&first_name=X'), 'ERROR: batch_update_lead NO LEADS DEFINED - 6666|\n');
});

test('a restricted caller may not move leads to a list of another campaign: NOT AN ALLOWED LIST ID', async () => {
  expectVicidialAnswer(await api('lead_ids=70&list_id_field=300', '6676'), 'ERROR: batch_update_lead NOT AN ALLOWED LIST ID - 6676|300\n');
  expect((await gateway().core.getLead(70))?.listId).toBe(101);
});

test('list_exists_check=Y and a list that does not exist: NOT A DEFINED LIST ID', async () => {
  expectVicidialAnswer(await api('lead_ids=70&list_id_field=999&list_exists_check=Y'), 'ERROR: batch_update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 6666|999\n');
});

test('nothing found: NO MATCHES FOUND, with the lead numbers as sent', async () => {
  expectVicidialAnswer(await api('lead_ids=99998,99999&first_name=X'), 'ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|99998,99999\n');
  // An empty item makes VICIdial's query fail: nothing is found.
  expectVicidialAnswer(await api('lead_ids=70,,71&first_name=X'), 'ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|70,,71\n');
  // A restricted caller finds leads in its group's lists only (list 300 is another campaign's).
  expectVicidialAnswer(await api('lead_ids=72&first_name=X', '6676'), 'ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |6676|72\n');
});

test('the fields given change on every lead: rows changed, leads found, their numbers newest first', async () => {
  expectVicidialAnswer(
    await api('lead_ids=70,73,99999,71&status=CALLBK&city=--BLANK--&owner=team9&user_field=6001&called_count=4'),
    'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|3|3|73,71,70\n',
  );
  for (const id of [70, 71, 73]) {
    expect(await gateway().core.getLead(id)).toMatchObject({ status: 'CALLBK', city: '', owner: 'team9', user: '6001', calledCount: 4 });
  }
  expect((await gateway().core.getLead(70))?.firstName).toBe('Seventy');
  // The same values again change no row; records limits the leads to the newest.
  expectVicidialAnswer(await api('lead_ids=70,71,73&owner=team9&records=2'), 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|0|2|73,71\n');
});

test('list_id_field moves the leads, reset_lead=Y makes them dialable again', async () => {
  expectVicidialAnswer(await api('lead_ids=71,73&list_id_field=300&list_exists_check=Y&reset_lead=Y'), 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|2|2|73,71\n');
  expect(await gateway().core.getLead(73)).toMatchObject({ listId: 300, entryListId: 101, calledSinceLastReset: 'N' });
  // Lead 71 is in list 300 now and was never dialled: nothing to change.
  expectVicidialAnswer(await api('lead_ids=71&list_id_field=300&reset_lead=Y'), 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|0|1|71\n');
});

test('no field given: no update and an empty answer', async () => {
  expectVicidialAnswer(await api('lead_ids=70,71'), '');
});

test('values beyond their columns are kept as VICIdial\'s non-strict MySQL keeps them: every lead changed; the same values again: 0 rows', async () => {
  const query = 'lead_ids=70,72&first_name=Changed&status=TOOLONGSTATUS&called_count=99999999999&state=California&rank=99999&list_id_field=99999999999999999999';
  expectVicidialAnswer(await api(query), 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|2|2|72,70\n');
  for (const id of [70, 72]) {
    expect(await gateway().core.getLead(id)).toMatchObject({ firstName: 'Changed', status: 'TOOLON', calledCount: 2147483647, state: 'Ca', rank: 32767, listId: Number.MAX_SAFE_INTEGER });
  }
  // Cut and clamped to what the leads hold already: MySQL counts no row changed.
  expectVicidialAnswer(await api(query), 'SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - 6666|0|2|72,70\n');
});

import { Client } from 'pg';
import { CALL_TIME_EXCLUDING_NOW } from './support/call-time-excluding-now';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// The hopper (leads queued for dialling per campaign, in Postgres): every
// line of hopper_list, and the hopper lines of add_lead and update_lead.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const call = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);
const api = (query: string, user = '6666') => call('hopper_list', query, user);

/** The numbers a response's lines carry: `[lead id, hopper id]` of an add_lead SUCCESS and ADDED TO HOPPER pair. */
function ids(response: WireResponse): { lead: string; hopper: string } {
  const lead = /LEAD HAS BEEN ADDED - [^|]*\|[^|]*\|(\d+)\|/.exec(response.text)?.[1] ?? '';
  const hopper = /ADDED TO HOPPER - [^|]*\|\d+\|(\d+)\|/.exec(response.text)?.[1] ?? '';
  return { lead, hopper };
}

describe('hopper_list refusals', () => {
  test.each(['6675', '6667', '6679'])('without view_reports, level 8 or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('campaign_id=TESTCAMP', user), `ERROR: hopper_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${user}|0|\n`);
  });

  test("a campaign that does not exist, none given, or one outside the caller's group", async () => {
    expectVicidialAnswer(await api('campaign_id=NOPE'), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|NOPE\n');
    expectVicidialAnswer(await api(''), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6666|\n');
    expectVicidialAnswer(await api('campaign_id=AUTOCAMP', '6676'), 'ERROR: hopper_list THIS CAMPAIGN DOES NOT EXIST: |6676|AUTOCAMP\n');
  });

  test('an empty hopper (no header, even when asked)', async () => {
    expectVicidialAnswer(await api('campaign_id=AUTOCAMP&header=YES'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|AUTOCAMP\n');
    expectVicidialAnswer(await api('campaign_id=OTHERDNC', '6666'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|OTHERDNC\n');
  });
});

describe('add_lead add_to_hopper=Y', () => {
  test('the lead is queued in its list campaign hopper: NOTICE after the SUCCESS, then hopper_list shows it', async () => {
    const response = await call('add_lead', 'phone_number=3125550301&list_id=300&add_to_hopper=Y&vendor_lead_code=V301&source_id=S301&state=NY&rank=4');
    const { lead, hopper } = ids(response);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550301|300|${lead}|0.00|6666\nNOTICE: add_lead ADDED TO HOPPER - 3125550301|${lead}|${hopper}|6666\n`);
    expectVicidialAnswer(await api('campaign_id=OTHERDNC'), `0|0|${lead}|300|3125550301|1|NY|NEW|0|0.00|4||P|V301|S301|0|\n`);
    expectVicidialAnswer(
      await api('campaign_id=OTHERDNC&stage=csv&header=YES'),
      `hopper_order,priority,lead_id,list_id,phone_number,phone_code,state,status,count,gmt_offset,rank,alt,hopper_source,vendor_lead_code,source_id,age_days,last_call_time\n0,0,${lead},300,3125550301,1,NY,NEW,0,0.00,4,,P,V301,S301,0,\n`,
    );
    expectVicidialAnswer(await api('campaign_id=OTHERDNC&stage=tab'), `0\t0\t${lead}\t300\t3125550301\t1\tNY\tNEW\t0\t0.00\t4\t\tP\tV301\tS301\t0\t\n`);
  });

  test('a list that is not defined has no campaign: not added (the product prints its SQL there: empty)', async () => {
    const response = await call('add_lead', 'phone_number=3125550302&list_id=12345&add_to_hopper=Y');
    const { lead } = ids(response);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550302|12345|${lead}|0.00|6666\nNOTICE: add_lead NOT ADDED TO HOPPER - 3125550302|${lead}||6666\n`);
  });

  test('hopper_local_call_time_check=Y outside the list call time: not added, with the offset and 0', async () => {
    expectVicidialAnswer(await call('update_list', `list_id=102&local_call_time=${CALL_TIME_EXCLUDING_NOW.id}`), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|102\n');
    const outside = await call('add_lead', 'phone_number=3125550303&list_id=102&add_to_hopper=Y&hopper_local_call_time_check=Y');
    const { lead } = ids(outside);
    expectVicidialAnswer(outside, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550303|102|${lead}|0.00|6666\nNOTICE: add_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - 3125550303|${lead}|0.00|0|6666\n`);
    // Without the check the call time does not matter; a list back on its campaign's call time (24 hours) is dialable now.
    const unchecked = await call('add_lead', 'phone_number=3125550304&list_id=102&add_to_hopper=Y');
    expect(unchecked.text).toMatch(/\nNOTICE: add_lead ADDED TO HOPPER - 3125550304\|\d+\|\d+\|6666\n$/);
    expectVicidialAnswer(await call('update_list', 'list_id=102&local_call_time=campaign'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|102\n');
    const inside = await call('add_lead', 'phone_number=3125550305&list_id=102&add_to_hopper=Y&hopper_local_call_time_check=Y');
    expect(inside.text).toMatch(/\nNOTICE: add_lead ADDED TO HOPPER - 3125550305\|\d+\|\d+\|6666\n$/);
    // Out of TESTCAMP's hopper again, for the tests below.
    for (const queued of [unchecked, inside]) await call('update_lead', `lead_id=${ids(queued).lead}&remove_from_hopper=Y`);
  });

  test('the hopper line comes before the callback line', async () => {
    const response = await call('add_lead', 'phone_number=3125550306&list_id=300&add_to_hopper=Y&callback=Y&campaign_id=OTHERDNC&callback_datetime=2030-01-02+10:00:00&callback_type=USERONLY&callback_user=1000');
    const { lead, hopper } = ids(response);
    expectVicidialAnswer(
      response,
      `SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125550306|300|${lead}|0.00|6666\nNOTICE: add_lead ADDED TO HOPPER - 3125550306|${lead}|${hopper}|6666\nNOTICE: add_lead SCHEDULED CALLBACK ADDED - ${lead}|OTHERDNC|2030-01-02 10:00:00|USERONLY|1000|CALLBK\n`,
    );
  });
});

describe('update_lead add_to_hopper / remove_from_hopper', () => {
  let lead = '';
  beforeAll(async () => {
    ({ lead } = ids(await call('add_lead', 'phone_number=3125550401&list_id=101')));
  });

  test('added, then already in the hopper, then removed, then not in the hopper', async () => {
    const added = await call('update_lead', `lead_id=${lead}&phone_number=3125550401&add_to_hopper=Y&hopper_priority=7`);
    const hopper = /ADDED TO HOPPER - 3125550401\|\d+\|(\d+)\|/.exec(added.text)?.[1] ?? '';
    expectVicidialAnswer(added, `NOTICE: update_lead ADDED TO HOPPER - 3125550401|${lead}|${hopper}|6666\n`);
    expectVicidialAnswer(await api('campaign_id=TESTCAMP'), `0|7|${lead}|101|3125550401|1||NEW|0|0.00|0||P|||0|\n`);
    expectVicidialAnswer(await call('update_lead', `lead_id=${lead}&phone_number=3125550401&add_to_hopper=Y`), `NOTICE: update_lead NOT ADDED TO HOPPER, LEAD IS ALREADY IN THE HOPPER - 3125550401|${lead}|6666\n`);
    expectVicidialAnswer(await call('update_lead', `lead_id=${lead}&phone_number=3125550401&remove_from_hopper=Y`), `NOTICE: update_lead REMOVED FROM HOPPER - 3125550401|${lead}|READY|6666\n`);
    expectVicidialAnswer(await call('update_lead', `lead_id=${lead}&remove_from_hopper=Y`), `NOTICE: update_lead NOT REMOVED FROM HOPPER, LEAD IS NOT IN THE HOPPER - |${lead}|6666\n`);
    expectVicidialAnswer(await api('campaign_id=TESTCAMP'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|TESTCAMP\n');
  });

  test('an entry a dialer works on (INCALL) stays: NOT REMOVED, with its status', async () => {
    const added = await call('update_lead', `lead_id=${lead}&add_to_hopper=Y`);
    expect(added.text).toMatch(/^NOTICE: update_lead ADDED TO HOPPER - /);
    // The gateway has no hopper loader marking entries: the status a dialer would set is written as it would be.
    const db = new Client({ connectionString: gateway().databaseUrl });
    await db.connect();
    try {
      await db.query("UPDATE lead_hopper SET status = 'INCALL' WHERE lead_id = $1", [Number(lead)]);
      expectVicidialAnswer(await call('update_lead', `lead_id=${lead}&phone_number=3125550401&remove_from_hopper=Y`), `NOTICE: update_lead NOT REMOVED FROM HOPPER - 3125550401|${lead}|INCALL|6666\n`);
      expectVicidialAnswer(await api('campaign_id=TESTCAMP'), `0|0|${lead}|101|3125550401|1||NEW|0|0.00|0||P|||0|\n`);
    } finally {
      await db.query('DELETE FROM lead_hopper WHERE lead_id = $1', [Number(lead)]);
      await db.end();
    }
  });

  test('after the lead update line; both options: added then removed', async () => {
    const response = await call('update_lead', `lead_id=${lead}&first_name=Ann&add_to_hopper=Y&remove_from_hopper=Y`);
    const hopper = /ADDED TO HOPPER - \|\d+\|(\d+)\|/.exec(response.text)?.[1] ?? '';
    expectVicidialAnswer(
      response,
      `SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|${lead}|1|||\nNOTICE: update_lead ADDED TO HOPPER - |${lead}|${hopper}|6666\nNOTICE: update_lead REMOVED FROM HOPPER - |${lead}|READY|6666\n`,
    );
  });

  test('hopper_local_call_time_check=Y outside the call time: not added', async () => {
    expectVicidialAnswer(await call('update_list', `list_id=101&local_call_time=${CALL_TIME_EXCLUDING_NOW.id}`), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|101\n');
    try {
      expectVicidialAnswer(
        await call('update_lead', `lead_id=${lead}&add_to_hopper=Y&hopper_local_call_time_check=Y`),
        `NOTICE: update_lead NOT ADDED TO HOPPER, OUTSIDE OF LOCAL TIME - |${lead}|0.00|0|6666\n`,
      );
    } finally {
      await call('update_list', 'list_id=101&local_call_time=campaign');
    }
  });

  test('no_update=Y: the found line, then the hopper line', async () => {
    const response = await call('update_lead', `lead_id=${lead}&no_update=Y&add_to_hopper=Y`);
    const hopper = /ADDED TO HOPPER - \|\d+\|(\d+)\|/.exec(response.text)?.[1] ?? '';
    expectVicidialAnswer(response, `NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|${lead}|||101|101\nNOTICE: update_lead ADDED TO HOPPER - |${lead}|${hopper}|6666\n`);
  });

  test('a deleted lead leaves the hopper; adding it then finds no lead', async () => {
    const response = await call('update_lead', `lead_id=${lead}&delete_lead=Y&add_to_hopper=Y`);
    expectVicidialAnswer(response, `SUCCESS: update_lead LEAD HAS BEEN DELETED 0|0 - 6666|${lead}|1|0|0|\nNOTICE: update_lead NOT ADDED TO HOPPER, LEAD NOT FOUND - |${lead}|6666\n`);
    expectVicidialAnswer(await api('campaign_id=TESTCAMP'), 'ERROR: hopper_list THERE ARE NO LEADS IN THE HOPPER FOR THIS CAMPAIGN: 6666|TESTCAMP\n');
  });

  test('insert_if_not_found=Y: the new lead is queued', async () => {
    const response = await call('update_lead', 'search_method=PHONE_NUMBER&phone_number=3125550402&insert_if_not_found=Y&list_id=101&phone_code=1&add_to_hopper=Y');
    const { lead: added, hopper } = ids(response);
    expectVicidialAnswer(
      response,
      `NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||3125550402\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 3125550402|101|${added}|0.00|6666\nNOTICE: update_lead ADDED TO HOPPER - 3125550402|${added}|${hopper}|6666\n`,
    );
    await call('update_lead', `lead_id=${added}&remove_from_hopper=Y`);
  });
});

describe('hopper_list order and priority', () => {
  test('the highest priority first, then the first queued; an out of range priority queues at 0', async () => {
    const queued: string[] = [];
    for (const [number, priority] of [
      ['3125550501', '0'],
      ['3125550502', '-5'],
      ['3125550503', '99'],
      ['3125550504', '150'],
      ['3125550505', '3'],
    ] as const) {
      queued.push(ids(await call('add_lead', `phone_number=${number}&list_id=101&add_to_hopper=Y&hopper_priority=${priority}`)).lead);
    }
    const [a, b, c, d, e] = queued;
    expectVicidialAnswer(
      await api('campaign_id=TESTCAMP'),
      [
        `0|99|${c}|101|3125550503|1||NEW|0|0.00|0||P|||0|`,
        `1|3|${e}|101|3125550505|1||NEW|0|0.00|0||P|||0|`,
        `2|0|${a}|101|3125550501|1||NEW|0|0.00|0||P|||0|`,
        `3|0|${d}|101|3125550504|1||NEW|0|0.00|0||P|||0|`,
        `4|-5|${b}|101|3125550502|1||NEW|0|0.00|0||P|||0|`,
        '',
      ].join('\n'),
    );
  });
});

import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { AUTH, agentGet, agentPost, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// update_fields, refresh_panel and set_timer_action (seed 002, spec §3.2):
// what a CRM asks of the agent's screen. update_fields changes the lead on
// the screen (VICIdial's raw-query rule picks the fields); all three keep
// what the screen is to do on the agent's session.

const gateway = sharedGateway({ agentInConference: '1000' });
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;
const session = async () => (await gateway().core.getAgentSession('1000'))!;

afterEach(async () => {
  await clearScreen(gateway());
});

describe('update_fields', () => {
  const api = (query: string) => agentGet(gateway(), `${AUTH}&function=update_fields&${query}`);

  test('seed example: the fields named change, the screen is asked to reload them; SUCCESS with rows, names and values', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const response = await api('agent_user=1000&vendor_lead_code=1234567&address1=');
    expectVicidialAnswer(response, `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|address1,vendor_lead_code|address1="",vendor_lead_code="1234567"|\n`);
    expect(await gateway().core.getLead(leadId)).toMatchObject({ vendorLeadCode: '1234567', address1: '', firstName: 'Bob', city: 'Tampa' });
    expect((await session()).screenRefresh).toBe('address1,vendor_lead_code');
    // The same again: nothing new for the lead, the screen already asked for that list.
    expectVicidialAnswer(await api('agent_user=1000&vendor_lead_code=1234567&address1='), `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|0|0|address1,vendor_lead_code|address1="",vendor_lead_code="1234567"|\n`);
  });

  test('a name anywhere in the request counts, inside values too (city=Frankfurt names rank); phone_code … phone_number only in lower case', async () => {
    const { leadId } = await leadOnScreen(gateway());
    await gateway().core.updateLead({ leadId, changes: { rank: 7, state: 'FL' } });
    const response = await api('agent_user=1000&city=Frankfurt&comments=new+state&CITY=x&Owner=y&PHONE_NUMBER=1');
    expectVicidialAnswer(
      response,
      `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|city,comments,state,rank,owner|city="Frankfurt",comments="new state",state="",rank="",owner=""|\n`,
    );
    expect(await gateway().core.getLead(leadId)).toMatchObject({ city: 'Frankfurt', comments: 'new state', state: '', rank: 0, owner: '', phoneNumber: '800123456' });
  });

  test('values keep their filters; date of birth, gender and GMT offset are stored as the lead keeps them', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const response = await api("agent_user=1000&first_name=Jo%3Bhn&date_of_birth=1970-01-02&gender=X&gmt_offset_now=-5.00&email=a%40b.example&phone_code=44");
    expectVicidialAnswer(
      response,
      `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|phone_code,date_of_birth,email,first_name,gender,gmt_offset_now|phone_code="44",date_of_birth="1970-01-02",email="a@b.example",first_name="John",gender="X",gmt_offset_now="-5.00"|\n`,
    );
    expect(await gateway().core.getLead(leadId)).toMatchObject({ phoneCode: '44', dateOfBirth: '1970-01-02', email: 'a@b.example', firstName: 'John', gender: 'U', gmtOffsetNow: '-5.00' });
  });

  test('screen reloads are named too, in any case, and change no lead field', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const before = await gateway().core.getLead(leadId);
    expectVicidialAnswer(await api('agent_user=1000&FormReload=1&x=scriptreload'), `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|0|1|formreload,scriptreload||\n`);
    expect(await gateway().core.getLead(leadId)).toEqual(before);
    expect((await session()).screenRefresh).toBe('formreload,scriptreload');
  });

  test('POST: the decoded pairs are the request searched; with a query string too, both', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const posted = await agentPost(gateway(), '', `${AUTH}&function=update_fields&agent_user=1000&last_name=Doe`);
    expectVicidialAnswer(posted, `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|last_name|last_name="Doe"|\n`);
    const both = await agentPost(gateway(), `${AUTH}&function=update_fields&agent_user=1000&title=Dr`, 'address2=Suite+5');
    expectVicidialAnswer(both, `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|address2,title|address2="Suite 5",title="Dr"|\n`);
    expect(await gateway().core.getLead(leadId)).toMatchObject({ lastName: 'Doe', title: 'Dr', address2: 'Suite 5' });
  });

  test('a value longer than its column is cut as the product\'s MySQL (non-strict) cuts it: SUCCESS, the echo as sent', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const long = 'a'.repeat(31);
    expectVicidialAnswer(
      await api(`agent_user=1000&first_name=${long}&city=Paris&state=California&date_of_birth=1970-02-30`),
      `SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|city,date_of_birth,first_name,state|city="Paris",date_of_birth="1970-02-30",first_name="${long}",state="California"|\n`,
    );
    expect(await gateway().core.getLead(leadId)).toMatchObject({ firstName: 'a'.repeat(30), city: 'Paris', state: 'Ca', dateOfBirth: null });
  });

  test('ERROR: agent_user not valid - <agent_user> (no alt_user step)', async () => {
    expectVicidialAnswer(await api('vendor_lead_code=1'), 'ERROR: agent_user not valid - \n');
    expectVicidialAnswer(await api('alt_user=876543&city=x&close_window_link=1'), `ERROR: agent_user not valid - \n${LINK}`);
  });

  test('allow-list after validity: ERROR: auth … - <value>|<user>|update_fields|<group>, the script ends', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=update_fields&agent_user=1000&value=V&city=x&close_window_link=1');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - V|6668|update_fields|AGENTS\n');
  });

  test('ERROR: agent_user is not logged in - <agent_user>', async () => {
    expectVicidialAnswer(await api('agent_user=6666&city=x'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('ERROR: user is not allowed to modify lead information - <agent_user>|<user> (modify_leads not 1–4)', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6671&pass=1234&function=update_fields&agent_user=1000&city=x&close_window_link=1');
    expectVicidialAnswer(response, `ERROR: user is not allowed to modify lead information - 1000|6671\n${LINK}`);
  });

  test('ERROR: agent_user does not have a lead on their screen - <agent_user>', async () => {
    expect((await session()).lead).toBeNull();
    expectVicidialAnswer(await api('agent_user=1000&city=x'), 'ERROR: agent_user does not have a lead on their screen - 1000\n');
  });

  test('ERROR: no fields have been defined - <agent_user>', async () => {
    await leadOnScreen(gateway());
    expectVicidialAnswer(await api('agent_user=1000&close_window_link=1'), `ERROR: no fields have been defined - 1000\n${LINK}`);
  });

  test('format=debug shows what was done, no SQL', async () => {
    const { leadId } = await leadOnScreen(gateway());
    const response = await api('agent_user=1000&city=Rome&format=debug');
    expect(response.text).toContain(`\n<!-- update_fields: lead ${leadId} updated, screen asked to reload city -->SUCCESS: update_fields lead updated - 6666|1000|${leadId}|1|1|city|city="Rome"|\n`);
    expect(response.text).not.toMatch(/UPDATE|SELECT/);
  });
});

describe('refresh_panel', () => {
  const api = (query: string) => agentGet(gateway(), `${AUTH}&function=refresh_panel&${query}`);

  test('SUCCESS: refresh_panel request sent - <user>|<agent_user>|<session_rows>|<names>|; a name in any case, anywhere', async () => {
    expectVicidialAnswer(await api('agent_user=1000&formreload=1&x=CallbacksReload'), 'SUCCESS: refresh_panel request sent - 6666|1000|1|formreload,callbacksreload|\n');
    expect((await session()).screenRefresh).toBe('formreload,callbacksreload');
    expectVicidialAnswer(await api('agent_user=1000&formreload=1&x=CallbacksReload'), 'SUCCESS: refresh_panel request sent - 6666|1000|0|formreload,callbacksreload|\n');
    expectVicidialAnswer(await api('agent_user=1000&chatreload=Y&emailreload=Y&script2reload=Y'), 'SUCCESS: refresh_panel request sent - 6666|1000|1|script2reload,emailreload,chatreload|\n');
  });

  test('ERROR: no panels have been defined - <agent_user>', async () => {
    expectVicidialAnswer(await api('agent_user=1000&city=x&close_window_link=1'), `ERROR: no panels have been defined - 1000\n${LINK}`);
  });

  test('ERROR: agent_user not valid; the allow-list; not logged in', async () => {
    expectVicidialAnswer(await api('formreload=1'), 'ERROR: agent_user not valid - \n');
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=refresh_panel&agent_user=1000&formreload=1&close_window_link=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - |6668|refresh_panel|AGENTS\n',
    );
    expectVicidialAnswer(await api('agent_user=6666&formreload=1'), 'ERROR: agent_user is not logged in - 6666\n');
  });
});

describe('set_timer_action', () => {
  const api = (query: string) => agentGet(gateway(), `${AUTH}&function=set_timer_action&${query}`);

  test('seed example: SUCCESS: set_timer_action lead updated - <user>|<agent_user>|<value>|<notes>|<rank>; kept on the session, NONE clears it', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=MESSAGE_ONLY&notes=test+message&rank=15'), 'SUCCESS: set_timer_action lead updated - 6666|1000|MESSAGE_ONLY|test message|15\n');
    expect((await session()).timerAction).toEqual({ action: 'MESSAGE_ONLY', message: 'test message', seconds: 15, dialNumber: null, dialDtmf: null });
    expectVicidialAnswer(await api('agent_user=1000&value=D1_DIAL'), 'SUCCESS: set_timer_action lead updated - 6666|1000|D1_DIAL||\n');
    expect((await session()).timerAction).toEqual({ action: 'D1_DIAL', message: '', seconds: null, dialNumber: null, dialDtmf: null });
    expectVicidialAnswer(await api("agent_user=1000&value=NONE&notes=it's%3B+done.&rank=1x0"), 'SUCCESS: set_timer_action lead updated - 6666|1000|NONE|its done.|10\n');
    expect((await session()).timerAction).toBeNull();
  });

  test('ERROR: set_timer_action not valid - <agent_user>|<value> (value shorter than 2, or no agent)', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=N'), 'ERROR: set_timer_action not valid - 1000|N\n');
    expectVicidialAnswer(await api('value=NONE&alt_user=876543&close_window_link=1'), `ERROR: set_timer_action not valid - |NONE\n${LINK}`);
  });

  test('the allow-list; not logged in; ERROR: user is not allowed to modify campaign settings - <agent_user>|<user>', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=set_timer_action&agent_user=1000&value=NONE'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - NONE|6668|set_timer_action|AGENTS\n',
    );
    expectVicidialAnswer(await api('agent_user=6666&value=NONE'), 'ERROR: agent_user is not logged in - 6666\n');
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6671&pass=1234&function=set_timer_action&agent_user=1000&value=WEBFORM'),
      'ERROR: user is not allowed to modify campaign settings - 1000|6671\n',
    );
    expect((await session()).timerAction).toBeNull();
  });
});

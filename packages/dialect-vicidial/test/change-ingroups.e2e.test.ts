import { AUTH, EXTRA_PROVISIONING, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// Spec §3.2: change_ingroups (V, P, L, then campaign, permission, dial
// method, in-groups, choices; no alt_user) and calls_in_queue_count
// (V std, P, A, L), every line.

const CLOSE_LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      // The demo agent 1000's TESTCAMP, here an auto-dial campaign that allows inbound calls, so that its agent may be blended.
      campaigns: [
        { id: 'TESTCAMP', name: 'Test campaign', dialMethod: 'RATIO', allowInbound: true },
        { id: 'NOINBOUND', dialMethod: 'RATIO', allowInbound: false },
        { id: 'MANUALCAMP', dialMethod: 'MANUAL', allowInbound: true },
      ],
      apiUsers: [
        ...(EXTRA_PROVISIONING.apiUsers ?? []),
        { realm: 'vicidial', login: '6675', secret: '1234', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' } },
      ],
      agents: [
        ...(EXTRA_PROVISIONING.agents ?? []),
        { id: '1003', name: 'Agent of an outbound-only campaign', secret: '1234', device: 'PJSIP/1003', attributes: { custom_three: '555333' } },
        { id: '1004', name: 'Agent of a manual campaign', secret: '1234', device: 'PJSIP/1004' },
      ],
      sessions: [
        ...(EXTRA_PROVISIONING.sessions ?? []),
        { agentId: '1003', via: 'vicidial', campaignId: 'NOINBOUND' },
        { agentId: '1004', via: 'vicidial', campaignId: 'MANUALCAMP', queues: ['TEST_IN2'] },
      ],
    },
  },
});

const change = (query: string) => agentGet(gateway(), `${AUTH}&function=change_ingroups&${query}`);

describe('change_ingroups: refusals', () => {
  test('V: blended under 2, agent_user under 2 or value under 3 letters (after the A-Z filter) → not valid', async () => {
    expectVicidialAnswer(await change('agent_user=1000&value=CHANGE&blended=N&ingroup_choices=+TEST_IN+-'), 'ERROR: change_ingroups not valid - CHANGE|N| TEST_IN -|1000\n');
    expectVicidialAnswer(await change('agent_user=1&value=ADD&blended=NO'), 'ERROR: change_ingroups not valid - ADD|NO||1\n');
    expectVicidialAnswer(await change('agent_user=1000&value=A1D2&blended=NO'), 'ERROR: change_ingroups not valid - AD|NO||1000\n');
    // Not the end of the script: the close-window link follows.
    expect((await change('agent_user=1000&value=X&blended=NO&close_window_link=1')).text).toBe(`ERROR: change_ingroups not valid - X|NO||1000\n${CLOSE_LINK}`);
  });

  test('P: an allow-list without the function ends the script', async () => {
    const answer = await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=change_ingroups&agent_user=1000&value=CHANGE&blended=NO&close_window_link=1');
    expectVicidialAnswer(answer, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - CHANGE|6668|change_ingroups|AGENTS\n');
  });

  test('L: an agent without a session, and no alt_user step', async () => {
    expectVicidialAnswer(await change('agent_user=9999&value=CHANGE&blended=NO'), 'ERROR: agent_user is not logged in - 9999\n');
    expectVicidialAnswer(await change('agent_user=99&alt_user=555333&value=CHANGE&blended=NO'), 'ERROR: agent_user is not logged in - 99\n');
  });

  test('a campaign that does not allow inbound calls', async () => {
    expectVicidialAnswer(await change('agent_user=1003&value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+-'), 'ERROR: campaign does not allow inbound calls - 1003\n');
  });

  test('an API user without change_agent_campaign', async () => {
    const answer = await agentGet(gateway(), 'source=test&user=6675&pass=1234&function=change_ingroups&agent_user=1000&value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+-');
    expectVicidialAnswer(answer, 'ERROR: user is not allowed to change agent in-groups - 6675\n');
  });

  test('blended=YES in a MANUAL campaign ends the script; NO is accepted there', async () => {
    expectVicidialAnswer(
      await change('agent_user=1004&value=CHANGE&blended=YES&ingroup_choices=+TEST_IN+-&close_window_link=1'),
      'ERROR: campaign dial_method does not allow outbound autodial - 1004|YES\n',
    );
    expectVicidialAnswer(await change('agent_user=1004&value=ADD&blended=NO&ingroup_choices=+TEST_IN+-'), 'SUCCESS: change_ingroups function set - 6666|1004| TEST_IN2 TEST_IN -|NO|\n');
  });

  test('an in-group that does not exist ends the script and changes nothing', async () => {
    const before = await gateway().core.queuesOfAgent('1000');
    expectVicidialAnswer(
      await change('agent_user=1000&value=CHANGE&blended=NO&ingroup_choices=+TEST_IN+FAKE_IN+SALESLINE+-&close_window_link=1'),
      'ERROR: ingroup does not exist - 1000|FAKE_IN| TEST_IN FAKE_IN SALESLINE -\n',
    );
    expect(await gateway().core.queuesOfAgent('1000')).toEqual(before);
  });

  test('ADD and REMOVE without ingroup_choices end the script', async () => {
    expectVicidialAnswer(await change('agent_user=1000&value=ADD&blended=NO&close_window_link=1'), 'ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|ADD|\n');
    expectVicidialAnswer(await change('agent_user=1000&value=REMOVE&blended=NO'), 'ERROR: ingroup_choices are required for ADD and REMOVE values - 1000|REMOVE|\n');
  });
});

describe('change_ingroups: changes', () => {
  test('CHANGE with set_as_default: the list as given, the agent takes calls from those in-groups only, and the user keeps it', async () => {
    expectVicidialAnswer(
      await change('agent_user=1000&value=CHANGE&set_as_default=YES&blended=YES&ingroup_choices=+TEST_IN+SALESLINE+-'),
      'SUCCESS: change_ingroups function set - 6666|1000| TEST_IN SALESLINE -|YES|User settings set as default\n',
    );
    // FrontaIT is a provisioned (static) membership of the demo agent: it stays.
    expect(await gateway().core.queuesOfAgent('1000')).toEqual(['FrontaIT', 'SALESLINE', 'TEST_IN']);
    expect((await gateway().core.getAgent('1000'))?.attributes).toMatchObject({ closer_campaigns: ' TEST_IN SALESLINE -', closer_default_blended: '1' });
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ blended: true });
  });

  test('ADD appends, REMOVE takes away, in VICIdial\'s list form (the provisioned FrontaIT first, joined first); blended=NO makes the agent inbound-only', async () => {
    await change('agent_user=1000&value=CHANGE&blended=YES&ingroup_choices=+TEST_IN+-');
    expectVicidialAnswer(await change('agent_user=1000&value=ADD&blended=NO&ingroup_choices=+TEST_IN2+SALESLINE+-'), 'SUCCESS: change_ingroups function set - 6666|1000| FrontaIT TEST_IN TEST_IN2 SALESLINE -|NO|\n');
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ blended: false });
    expectVicidialAnswer(await change('agent_user=1000&value=REMOVE&blended=NO&ingroup_choices=+TEST_IN2+-'), 'SUCCESS: change_ingroups function set - 6666|1000| FrontaIT TEST_IN SALESLINE -|NO|\n');
    expect(await gateway().core.queuesOfAgent('1000')).toEqual(['FrontaIT', 'SALESLINE', 'TEST_IN']);
  });

  test('the token before the first space is skipped (VICIdial reads lists written " A B -"), and any other value of three letters is CHANGE', async () => {
    expectVicidialAnswer(await change('agent_user=1000&value=SET&blended=NO&ingroup_choices=FAKE_IN+TEST_IN2+-'), 'SUCCESS: change_ingroups function set - 6666|1000|FAKE_IN TEST_IN2 -|NO|\n');
    expect(await gateway().core.queuesOfAgent('1000')).toEqual(['FrontaIT', 'TEST_IN2']);
    // A literal + (%2B) is a space too.
    expectVicidialAnswer(await change('agent_user=1000&value=CHANGE&blended=NO&ingroup_choices=%2BTEST_IN%2B-'), 'SUCCESS: change_ingroups function set - 6666|1000| TEST_IN -|NO|\n');
    expect(await gateway().core.queuesOfAgent('1000')).toEqual(['FrontaIT', 'TEST_IN']);
  });
});

describe('calls_in_queue_count', () => {
  test('V std: value exactly DISPLAY, an agent named', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&agent_user=1000&value=display`), 'ERROR: calls_in_queue_count not valid - display|1000\n');
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&value=DISPLAY`), 'ERROR: calls_in_queue_count not valid - DISPLAY|\n');
  });

  test('P, A and L', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=calls_in_queue_count&agent_user=1000&value=DISPLAY'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - DISPLAY|6668|calls_in_queue_count|AGENTS\n',
    );
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&agent_user=9999&value=DISPLAY`), 'ERROR: agent_user is not logged in - 9999\n');
    expectVicidialAnswer(
      await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&alt_user=404404&value=DISPLAY`),
      'ERROR: no user found - 404404\nERROR: agent_user is not logged in - \n',
    );
  });

  test('SUCCESS without a newline, for the agent found by alt_user too; the close-window link follows it', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&agent_user=1000&value=DISPLAY`), 'SUCCESS: calls_in_queue_count - 0');
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&alt_user=876543&value=DISPLAY`), 'SUCCESS: calls_in_queue_count - 0');
    expect((await agentGet(gateway(), `${AUTH}&function=calls_in_queue_count&agent_user=1000&value=DISPLAY&close_window_link=1`)).text).toBe(
      `SUCCESS: calls_in_queue_count - 0${CLOSE_LINK}`,
    );
  });
});

import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { AUTH, EXTRA_PROVISIONING, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// st_login_log and st_get_agent_active_lead (seed 002, spec §3.2): a CRM
// names an agent by its own agent id (VICIdial's custom_three, the agent's
// external id: 876543 is the demo agent 1000). Agent 1006 has a CRM id and
// is not logged in.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      agents: [...(EXTRA_PROVISIONING.agents ?? []), { id: '1006', name: 'Agent logged out', device: 'PJSIP/1006', attributes: { custom_three: '777000' } }],
    },
  },
});
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

describe('st_login_log', () => {
  const api = (query: string) => agentGet(gateway(), `${AUTH}&function=st_login_log&${query}`);

  test('seed example: SUCCESS: st_login_log user found - <user id>; the agent keeps the team id (custom_four)', async () => {
    expectVicidialAnswer(await api('value=876543&vendor_id=207'), 'SUCCESS: st_login_log user found - 1000\n');
    expect((await gateway().core.getAgent('1000'))?.attributes).toMatchObject({ custom_four: '207', agentcall_manual: '1' });
    expectVicidialAnswer(await api('value=777000&vendor_id=T+9&close_window_link=1'), `SUCCESS: st_login_log user found - 1006\n${LINK}`);
    expect(await gateway().core.getAgent('1006')).toMatchObject({ externalId: '777000', attributes: { custom_four: 'T 9' } });
  });

  test('ERROR: st_login_log not valid - <value>|<vendor_id> (either missing)', async () => {
    expectVicidialAnswer(await api('value=876543'), 'ERROR: st_login_log not valid - 876543|\n');
    expectVicidialAnswer(await api('vendor_id=207&close_window_link=1'), `ERROR: st_login_log not valid - |207\n${LINK}`);
  });

  test('allow-list after validity: ERROR: auth … - <value>|<user>|st_login_log|<group>, the script ends', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=st_login_log&value=876543&vendor_id=207&close_window_link=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 876543|6668|st_login_log|AGENTS\n',
    );
  });

  test('ERROR: no user found - <value>', async () => {
    expectVicidialAnswer(await api('value=999999&vendor_id=207'), 'ERROR: no user found - 999999\n');
  });
});

describe('st_get_agent_active_lead', () => {
  const api = (query: string) => agentGet(gateway(), `${AUTH}&function=st_get_agent_active_lead&${query}`);

  afterEach(async () => {
    await clearScreen(gateway());
  });

  test('seed layout: SUCCESS: … lead found - <user id>|<phone_number>|<lead_id>|<vendor_lead_code>|<province>|<security_phrase>|<source_id>', async () => {
    const { leadId } = await leadOnScreen(gateway());
    await gateway().core.updateLead({ leadId, changes: { province: 'SK', securityPhrase: 'WILLIAMS', sourceId: 'JUH764AJJJ9', vendorLeadCode: '9987-1234765' } });
    expectVicidialAnswer(await api('value=876543&vendor_id=207'), `SUCCESS: st_get_agent_active_lead lead found - 1000|800123456|${leadId}|9987-1234765|SK|WILLIAMS|JUH764AJJJ9\n`);
  });

  test('ERROR: no active lead found - <user id>', async () => {
    expectVicidialAnswer(await api('value=876543&vendor_id=207&close_window_link=1'), `ERROR: no active lead found - 1000\n${LINK}`);
  });

  test('ERROR: user not logged in - <user id>', async () => {
    expectVicidialAnswer(await api('value=777000&vendor_id=207'), 'ERROR: user not logged in - 1006\n');
  });

  test('ERROR: st_get_agent_active_lead not valid; the allow-list; ERROR: no user found - <value>', async () => {
    expectVicidialAnswer(await api('value=876543'), 'ERROR: st_get_agent_active_lead not valid - 876543|\n');
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=st_get_agent_active_lead&value=876543&vendor_id=207'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 876543|6668|st_get_agent_active_lead|AGENTS\n',
    );
    expectVicidialAnswer(await api('value=999999&vendor_id=207'), 'ERROR: no user found - 999999\n');
  });
});

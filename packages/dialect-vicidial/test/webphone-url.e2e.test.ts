import { AUTH, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// webphone_url (seed 002, spec §3.2): the agent's web phone address from the
// `webphoneUrl` setting, shown (DISPLAY, no newline) or opened (LAUNCH).

const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

describe('with a web phone configured', () => {
  const gateway = sharedGateway({
    agentInConference: '1000',
    overrides: { dialects: { vicidial: { webphoneUrl: 'https://phone.example.com/web/?login={agent}&exten={phone}&session={conference}&server={server_ip}' } } },
  });
  const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
  const URL = 'https://phone.example.com/web/?login=1000&exten=1000&session=8600051&server=10.10.10.15';

  test('DISPLAY: the address alone, without a newline', async () => {
    expectVicidialAnswer(await api('function=webphone_url&value=DISPLAY&agent_user=1000'), URL);
  });

  test('DISPLAY with close_window_link: the link follows the address', async () => {
    expectVicidialAnswer(await api('function=webphone_url&value=DISPLAY&agent_user=1000&close_window_link=1'), `${URL}${LINK}`);
  });

  test('LAUNCH: the page that opens the address', async () => {
    expectVicidialAnswer(
      await api('function=webphone_url&value=LAUNCH&agent_user=1000'),
      `<META HTTP-EQUIV=Refresh CONTENT="0; URL=${URL}">\n</HEAD>\n` +
        '<BODY BGCOLOR=#FFFFFF marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n' +
        `<a href="${URL}">click here to continue. . .</a>\n</BODY>\n`,
    );
  });

  test('a session without a conference: ERROR: webphone_url error - no session data', async () => {
    expectVicidialAnswer(await api('function=webphone_url&value=DISPLAY&agent_user=1001'), 'ERROR: webphone_url error - no session data - 1001\n');
  });

  test('the value must be exactly DISPLAY or LAUNCH', async () => {
    expectVicidialAnswer(await api('function=webphone_url&value=display&agent_user=1000'), 'ERROR: webphone_url not valid - display|1000\n');
    expectVicidialAnswer(await api('function=webphone_url&agent_user=1000'), 'ERROR: webphone_url not valid - |1000\n');
    expectVicidialAnswer(await api('function=webphone_url&value=DISPLAY'), 'ERROR: webphone_url not valid - DISPLAY|\n');
  });

  test('an agent who is not logged in', async () => {
    expectVicidialAnswer(await api('function=webphone_url&value=DISPLAY&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
  });
});

describe('without a web phone (the default)', () => {
  const gateway = sharedGateway({ agentInConference: '1000' });

  test('ERROR: webphone_url error - webphone url is empty', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), `${AUTH}&function=webphone_url&value=LAUNCH&agent_user=1000&close_window_link=1`),
      `ERROR: webphone_url error - webphone url is empty - 1000\n${LINK}`,
    );
  });
});

import { hostname, type } from 'node:os';
import { AUTH, agentGet, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// Spec §3.2: webserver (allow-list first, then the report) and pause_code
// (V std, P, A, L, then the code of the current pause), every line.

const gateway = sharedGateway();
const CLOSE_LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

describe('webserver', () => {
  test('<PRE>Webserver Data:, the keys in VICIdial\'s order, </PRE>', async () => {
    const response = await agentGet(gateway(), `${AUTH}&function=webserver`);
    const lines = response.text.split('\n');
    expect(lines.map((line) => line.replace(/: .*$/, ':'))).toEqual([
      '<PRE>Webserver Data:',
      'set.timezone:',
      'abbr.timezone:',
      'dst.timezone:',
      'uname:',
      'host name:',
      'server name:',
      'php version:',
      'apache version:',
      'apache processes:',
      'system load average:',
      'disk free space:',
      'date.timezone:',
      'maximum execution time:',
      'maximum input time:',
      'memory limit:',
      'post maximum size:',
      'upload maximum filesize:',
      'default socket timeout:',
      '</PRE>',
      '',
    ]);
    const value = (key: string): string | undefined => lines.find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2);
    expect({
      setZone: value('set.timezone'),
      abbreviation: value('abbr.timezone'),
      dst: value('dst.timezone'),
      uname: value('uname'),
      host: value('host name'),
      server: value('server name'),
      dateZone: value('date.timezone'),
      post: value('post maximum size'),
      upload: value('upload maximum filesize'),
    }).toEqual({ setZone: 'UTC', abbreviation: 'UTC', dst: '0', uname: type(), host: hostname(), server: '127.0.0.1', dateZone: 'UTC', post: '1048576', upload: '1048576' });
    expect(value('system load average')).toMatch(/^\d+\.\d\d$/);
    expect(value('disk free space')).toMatch(/^\d+$/);
    // What only PHP or Apache has is left empty, not invented.
    for (const key of ['php version', 'apache version', 'apache processes', 'maximum execution time', 'maximum input time', 'memory limit', 'default socket timeout']) {
      expect(lines).toContain(`${key}: `);
    }
    expectVicidialAnswer(response, response.text);
  });

  test('the allow-list is its only check: ERROR: auth … - <user>|webserver|<group>, the script ends', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=webserver&close_window_link=1');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 6668|webserver|AGENTS\n');
  });

  test('credentials come first, as for every function', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=6666&pass=wrong&function=webserver'), 'ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api||\n');
  });

  test('ends normally: the close-window link follows </PRE>; format=debug wraps it', async () => {
    const linked = await agentGet(gateway(), `${AUTH}&function=webserver&close_window_link=1`);
    expect(linked.text.endsWith(`</PRE>\n${CLOSE_LINK}`)).toBe(true);
    const debug = await agentGet(gateway(), `${AUTH}&function=webserver&format=debug`);
    expect(debug.text).toMatch(/<BODY [^\n]*>\n\n<!-- webserver: server report --><PRE>Webserver Data:\n[\s\S]*<\/PRE>\n\n<!-- script runtime: \d+ seconds -->\n<\/body>\n<\/html>\n$/);
  });

  test('the API log counts the report as a success', async () => {
    await agentGet(gateway(), `${AUTH}&function=webserver&marker=webserver-log`);
    const rows = await gateway().waitFor(async () => {
      const found = await gateway().query<{ outcome: string; result: string }>("SELECT outcome, result FROM api_log WHERE params->>'marker' = 'webserver-log'");
      return found.length > 0 ? found : undefined;
    });
    expect(rows).toEqual([{ outcome: 'success', result: '<PRE>Webserver Data:' }]);
  });
});

describe('pause_code', () => {
  const pauseCode = (query: string) => agentGet(gateway(), `${AUTH}&function=pause_code&${query}`);

  test.each([
    ['value=&agent_user=1000', 'ERROR: pause_code not valid - |1000\n'],
    ['value=ABCDEFG&agent_user=1000', 'ERROR: pause_code not valid - ABCDEFG|1000\n'],
    ['value=BREAK', 'ERROR: pause_code not valid - BREAK|\n'],
    ['value=BREAK&alt_user=5', 'ERROR: pause_code not valid - BREAK|\n'],
    ["value=BR'EAK%3B&agent_user=10'00", 'ERROR: pause_code error - agent is not paused - 1000\n'],
  ])('%s → %j', async (query, line) => {
    expectVicidialAnswer(await pauseCode(query), line);
  });

  test('validity before the allow-list: ERROR: auth … - <value>|<user>|pause_code|<group>, the script ends', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=pause_code&value=&agent_user=1000'), 'ERROR: pause_code not valid - |1000\n');
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=pause_code&value=BREAK&agent_user=1000&close_window_link=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - BREAK|6668|pause_code|AGENTS\n',
    );
  });

  test('an agent without a session, and an alt_user nobody has', async () => {
    expectVicidialAnswer(await pauseCode('value=BREAK&agent_user=6666'), 'ERROR: agent_user is not logged in - 6666\n');
    expectVicidialAnswer(await pauseCode('value=BREAK&alt_user=nobody'), 'ERROR: no user found - nobody\nERROR: agent_user is not logged in - \n');
  });

  test('an agent who is not paused: ERROR: pause_code error - agent is not paused - <agent_user>, nothing changes, the script goes on', async () => {
    const before = await gateway().core.getAgentSession('1000');
    expect(before?.state).toBe('ready');
    expectVicidialAnswer(await pauseCode('value=BREAK&agent_user=1000&close_window_link=1'), `ERROR: pause_code error - agent is not paused - 1000\n${CLOSE_LINK}`);
    expect(await gateway().core.getAgentSession('1000')).toEqual(before);
  });

  test('a paused agent: SUCCESS: pause_code function sent - <agent_user>; the code is the pause reason every dialect reads', async () => {
    expect((await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1000`)).text).toMatch(/^SUCCESS: external_pause/);
    expect((await gateway().core.getAgentSession('1000'))?.pauseReason).toBeNull();
    expectVicidialAnswer(await pauseCode('value=LUNCH&agent_user=1000'), 'SUCCESS: pause_code function sent - 1000\n');
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'LUNCH' });
    expectVicidialAnswer(await pauseCode('value=BRK-2&agent_user=1000'), 'SUCCESS: pause_code function sent - 1000\n');
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'BRK-2' });
    // A resume ends the pause and its code.
    await agentGet(gateway(), `${AUTH}&function=external_pause&value=RESUME&agent_user=1000`);
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'ready', pauseReason: null });
  });

  test('alt_user names the agent by its CRM id (custom_three)', async () => {
    await gateway().core.pauseAgent({ agentId: '1002', reason: null });
    expectVicidialAnswer(await pauseCode('value=MEET&alt_user=555111'), 'SUCCESS: pause_code function sent - 1002\n');
    expect((await gateway().core.getAgentSession('1002'))?.pauseReason).toBe('MEET');
  });
});

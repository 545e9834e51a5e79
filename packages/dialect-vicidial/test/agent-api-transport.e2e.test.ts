import { serverTime } from '../src/wire/server-time';
import {
  AGENT_API,
  AUTH,
  agentGet,
  agentPost,
  binaryParser,
  expectEpochLine,
  expectVicidialAnswer,
  nowSeconds,
  rawRequest,
  sharedGateway,
  wire,
  type WireResponse,
} from './support/vicidial-test-kit';

// Spec §1 (transport), §2 (authentication and authorization), §1.4 (output
// options) of the Agent API, end to end through the whole gateway.

const gateway = sharedGateway();

/** A request that changes nothing: STOP while no audio plays. */
const STOP_PROBE = `${AUTH}&agent_user=1000&function=audio_playback&stage=STOP`;
const NO_AUDIO_STOP = 'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000\n';

describe('version (seed 002)', () => {
  test('VERSION: <version>|BUILD: <build>|DATE: <now>|EPOCH: <epoch>, the current product\'s numbers, server-local time', async () => {
    const before = nowSeconds();
    const response = await agentGet(gateway(), 'function=version');
    const after = nowSeconds();
    const match = /^VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: ([^|]+)\|EPOCH: (\d+)\n$/.exec(response.text);
    expect(match).not.toBeNull();
    const epoch = Number(match![2]);
    expect(epoch).toBeGreaterThanOrEqual(before);
    expect(epoch).toBeLessThanOrEqual(after);
    expect(match![1]).toBe(serverTime(new Date(epoch * 1000), 'UTC').local);
    expectVicidialAnswer(response, response.text);
  });

  test('is answered before the source and credential checks, whatever the options', async () => {
    const response = await agentGet(gateway(), 'function=version&user=nobody&pass=x&format=debug&close_window_link=1');
    expect(response.text).toMatch(/^VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|EPOCH: \d{10}\n$/);
  });

  test('the function name is filtered before it is compared: ver\'sion is version', async () => {
    const response = await agentGet(gateway(), "function=ver'si%3Bon");
    expect(response.text.startsWith('VERSION: 2.14-82|')).toBe(true);
  });
});

describe('the teapot (spec §1.2)', () => {
  test.each(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee'])('%s: 418 I\'m a teapot, no newline, before authentication', async (fn) => {
    const response = await agentGet(gateway(), `function=${fn}`);
    expectVicidialAnswer(response, `Coffee: ${fn}|Error 418 I'm a teapot`, 418);
    expect(response.statusMessage).toBe("I'm a teapot");
  });

  test('names are case-sensitive: Coffee is an ordinary function (here: no source)', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'function=Coffee'), 'ERROR: Invalid Source - \n');
  });
});

describe('source (spec §2.1, step 2)', () => {
  test('fewer than 2 characters: ERROR: Invalid Source - <source>', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=a&user=6666&pass=1234&function=external_pause&value=PAUSE&agent_user=1000'), 'ERROR: Invalid Source - a\n');
  });

  test('measured after the filter: x; is x', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=x%3B&user=6666&pass=1234&function=logout'), 'ERROR: Invalid Source - x\n');
  });

  test('the documented 20-character maximum is not enforced', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `source=${'s'.repeat(40)}&user=6666&pass=1234&agent_user=1000&function=audio_playback&stage=STOP`), NO_AUDIO_STOP);
  });
});

describe('credentials (spec §2.1 steps 3-5, the "Emit" table)', () => {
  const probe = (credentials: string): string => `source=test&${credentials}&agent_user=1000&function=audio_playback&stage=STOP`;

  test('wrong password: BAD, auth 0, the account\'s API access, no password and no SQL', async () => {
    const response = await agentGet(gateway(), probe('user=6666&pass=wrongpass'));
    expectVicidialAnswer(response, 'ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api||\n');
    expect(response.text).not.toContain('wrongpass');
  });

  test('unknown user: BAD with auth_api 0', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=9999&pass=1234')), 'ERROR: Invalid Username/Password: |9999||0|0|BAD|0|api||\n');
  });

  test('inactive account, right password: BAD', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=6670&pass=1234')), 'ERROR: Invalid Username/Password: |6670||0|1|BAD|0|api||\n');
  });

  test('user level 0, right password: BAD', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=6669&pass=1234')), 'ERROR: Invalid Username/Password: |6669||0|1|BAD|0|api||\n');
  });

  test('right password, no Agent API access: GOOD with auth 1, auth_api 0', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=6667&pass=1234')), 'ERROR: Invalid Username/Password: |6667||1|0|GOOD|\n');
  });

  test('right password, login shorter than 2 characters: GOOD', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=a&pass=1234')), 'ERROR: Invalid Username/Password: |a||1|1|GOOD|\n');
  });

  test('caller address outside the account\'s list: IPBLOCK', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=6672&pass=1234')), 'ERROR: Invalid Username/Password: |6672||0|1|IPBLOCK|\n');
  });

  test('empty credentials', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=&pass=')), 'ERROR: Invalid Username/Password: |||0|0|BAD|0|api||\n');
  });

  test('credentials are filtered first: quotes, semicolons and spaces vanish (6\'6 66 / 12;34 are 6666 / 1234)', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe("user=6'6%2066&pass=12%3B34")), NO_AUDIO_STOP);
  });

  test('a + in the password must be sent as %2B (a raw + is a space, and spaces are removed)', async () => {
    expectVicidialAnswer(await agentGet(gateway(), probe('user=6666&pass=12+34')), NO_AUDIO_STOP);
  });
});

describe('allow-list api_allowed_functions (spec §2.1 step 7)', () => {
  test('a function outside the list: the permission line, the script ends', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&agent_user=1000&function=external_hangup&value=1&close_window_link=1');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|external_hangup|AGENTS\n');
  });

  test('audio_playback outside the list: <value> is the file name', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&agent_user=1000&function=audio_playback&value=ss-noservice&stage=PLAY');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ss-noservice|6668|audio_playback|AGENTS\n');
  });

  test('the function\'s own "not valid" check comes first', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&agent_user=1000&function=external_hangup');
    expectVicidialAnswer(response, 'ERROR: external_hangup not valid - |1000\n');
  });

  test('a listed function passes (logout, for an agent that is not logged in)', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&agent_user=4321&function=logout&value=LOGOUT'),
      'ERROR: agent_user is not logged in - 4321\n',
    );
  });
});

describe('unknown and not-yet-carried-out functions (spec §1.2)', () => {
  test.each(['nosuchfunction', '', 'EXTERNAL_PAUSE', 'Audio_Playback'])('"%s": 200 with an empty body after authentication', async (fn) => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=${fn}&agent_user=1000&value=PAUSE`), '');
  });

  // The current product's catalogue (spec §3.1), but version and the teapot, which answer before authentication.
  test.each([
    'webserver', 'external_hangup', 'external_status', 'external_pause', 'logout', 'external_dial', 'preview_dial_action',
    'external_add_lead', 'change_ingroups', 'update_fields', 'refresh_panel', 'set_timer_action', 'st_login_log',
    'st_get_agent_active_lead', 'ra_call_control', 'send_dtmf', 'park_call', 'transfer_conference', 'recording',
    'webphone_url', 'call_agent', 'audio_playback', 'switch_lead', 'vm_message', 'pause_code', 'calls_in_queue_count',
    'force_fronter_leave_3way', 'force_fronter_audio_stop', 'send_notification',
  ])('%s is carried out: its own answer, never the unknown function\'s empty body', async (fn) => {
    const answer = await agentGet(gateway(), `${AUTH}&function=${fn}&agent_user=1000&value=1`);
    expect(answer.status).toBe(200);
    expect(answer.text).toMatch(/^(?:SUCCESS|ERROR|NOTICE|<PRE>|Invalid)/);
  });

  test('unknown function still gets the close-window link and the debug wrapper', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), `${AUTH}&function=nosuch&close_window_link=1`),
      `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`,
    );
    const debug = await agentGet(gateway(), `${AUTH}&function=nosuch&format=debug`);
    expect(debug.text).toMatch(
      /^<html>\n<head>\n<!-- VERSION: 2\.14-82 {5}BUILD: 250122-1010 {4}USER: 6666\n<title>VICIDiaL Agent API<\/title>\n<\/head>\n<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n\n<!-- script runtime: \d+ seconds -->\n<\/body>\n<\/html>\n$/,
    );
  });

  test('credentials are still checked for unknown functions', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=9999&pass=1234&function=nosuch'), 'ERROR: Invalid Username/Password: |9999||0|0|BAD|0|api||\n');
  });
});

describe('requests (spec §1.1)', () => {
  test('POST form body', async () => {
    expectVicidialAnswer(await agentPost(gateway(), '', STOP_PROBE), NO_AUDIO_STOP);
  });

  test('GET and POST mixed; a name in both: GET wins', async () => {
    const response = await agentPost(gateway(), 'stage=STOP&agent_user=1000', `${AUTH}&function=audio_playback&stage=PAUSE&agent_user=9`);
    expectVicidialAnswer(response, NO_AUDIO_STOP);
  });

  test('an empty GET value still wins over POST (isset)', async () => {
    const response = await agentPost(gateway(), 'agent_user=', `${AUTH}&function=audio_playback&stage=STOP&agent_user=1000`);
    expectVicidialAnswer(response, 'ERROR: audio_playback not valid - |STOP|\n');
  });

  test('multipart form body', async () => {
    const boundary = 'xYzBoundary';
    const fields = { source: 'test', user: '6666', pass: '1234', agent_user: '1000', function: 'audio_playback', stage: 'STOP' };
    const body =
      Object.entries(fields)
        .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
        .join('') + `--${boundary}--\r\n`;
    expectVicidialAnswer(await agentPost(gateway(), '', body, `multipart/form-data; boundary=${boundary}`), NO_AUDIO_STOP);
  });

  test('a JSON body is not form data: PHP sees no parameters in it', async () => {
    expectVicidialAnswer(await agentPost(gateway(), 'function=logout', JSON.stringify({ source: 'test' }), 'application/json'), 'ERROR: Invalid Source - \n');
  });

  test('a malformed multipart body is ignored like PHP ignores it', async () => {
    expectVicidialAnswer(await agentPost(gateway(), 'function=logout', '--nope\r\ngarbage', 'multipart/form-data; boundary=xx'), 'ERROR: Invalid Source - \n');
  });

  test('+ and %20 are spaces (kept by the stage filter, visible in the echo)', async () => {
    const plus = await agentGet(gateway(), `${AUTH}&agent_user=1000&function=audio_playback&stage=ST+OP`);
    const encoded = await agentGet(gateway(), `${AUTH}&agent_user=1000&function=audio_playback&stage=ST%20OP`);
    const expected = 'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|ST OP|1000\n';
    expectVicidialAnswer(plus, expected);
    expectVicidialAnswer(encoded, expected);
  });

  test('a repeated name: the last one wins', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&agent_user=9&agent_user=1000&function=audio_playback&stage=PAUSE&stage=STOP`), NO_AUDIO_STOP);
  });

  test('. and space in a name become _', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&agent.user=1000&function=audio_playback&stage=STOP`), NO_AUDIO_STOP);
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&agent%20user=1000&function=audio_playback&stage=STOP`), NO_AUDIO_STOP);
  });

  test('name[]= does not crash: the last value is used', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&agent_user[]=1000&function[]=audio_playback&stage[]=PAUSE&stage[]=STOP`), NO_AUDIO_STOP);
    expectVicidialAnswer(await agentGet(gateway(), `source[x]=test&user=6666&pass[]=1234&agent_user=1000&function=audio_playback&stage=STOP`), NO_AUDIO_STOP);
  });

  test('other methods read the query string like GET', async () => {
    const put = wire(await gateway().http.put(`${AGENT_API}?${STOP_PROBE}`).buffer(true).parse(binaryParser));
    expectVicidialAnswer(put, NO_AUDIO_STOP);
    const head = await gateway().http.head(`${AGENT_API}?${STOP_PROBE}`);
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
  });


  test('input filters remove what they do not allow, visibly (agent_user=77\' OR \'a\'=\'a is 77ORaa)', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), `${AUTH}&function=audio_playback&stage=STOP&agent_user=77'%20OR%20'a'%3D'a`),
      'ERROR: agent_user is not logged in - STOP|77ORaa\n',
    );
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=logout&value=PAU'SE%3B&agent_user=6666`), 'ERROR: logout not valid - PAUSE|6666\n');
  });

  test('stage keeps everything but quotes, backslash and semicolon, bytes included', async () => {
    const response = await agentGet(gateway(), `${AUTH}&function=audio_playback&agent_user=1000&stage=%E9t%27a%5Cg%3Be%FF`);
    expect(response.body.equals(Buffer.from('ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|\xe9tage\xff|1000\n', 'latin1'))).toBe(true);
  });
});

describe('paths: the spellings Apache maps to the same script (wire/script-path)', () => {
  const get = (path: string): Promise<WireResponse> => rawRequest(gateway(), { path: `${path}?${STOP_PROBE}` });
  const post = (path: string): Promise<WireResponse> =>
    rawRequest(gateway(), { method: 'POST', path, body: STOP_PROBE, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });

  test.each([
    '//agc/api.php',
    '///agc/api.php',
    '/agc//api.php',
    '//agc//api.php',
    '/agc/./api.php',
    '/./agc/api.php',
    '/x/../agc/api.php',
    '/agc/x/../api.php',
    '/agc/api%2Ephp',
    '/%61gc/api.php',
    '/agc/api.php/',
    '/agc/api.php/anything',
  ])('%s answers as /agc/api.php (GET and POST)', async (path) => {
    expectVicidialAnswer(await get(path), NO_AUDIO_STOP);
    expectVicidialAnswer(await post(path), NO_AUDIO_STOP);
  });

  test('the request is logged under its script like any other', async () => {
    await get('//agc/api.php');
    const rows = await gateway().waitFor(async () => {
      const found = await gateway().query<{ path: string; operation: string }>("SELECT path, operation FROM api_log WHERE path = '//agc/api.php'");
      return found.length > 0 ? found : undefined;
    });
    expect(rows[0]).toEqual({ path: '//agc/api.php', operation: 'audio_playback' });
  });

  test.each([
    '/AGC/API.PHP',
    '/agc/API.php',
    '/agc/api.php5',
    '/agc/api.phpx',
    '/agc%2Fapi.php',
    '/agc/api.php%00',
    '/../agc/api.php',
    '/agc/../../agc/api.php',
    '/agc/api.ph',
    '/agcapi.php',
  ])('%s names no script: 404', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('close_window_link (spec §1.4)', () => {
  const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

  test('appended after a function that ends normally', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${AUTH}&function=logout&value=LOGOUT&agent_user=6666&close_window_link=1`), `ERROR: agent_user is not logged in - 6666\n${LINK}`);
  });

  test.each([
    ['1', true],
    ['abc', true],
    ['0abc', true],
    ['0', false],
    ['-5', false],
    ['-x', false],
    ['', false],
  ])('close_window_link=%s → link %s (PHP 8 comparison with 0)', async (flag, shown) => {
    const response = await agentGet(gateway(), `${AUTH}&function=logout&value=LOGOUT&agent_user=6666&close_window_link=${flag}`);
    expectVicidialAnswer(response, `ERROR: agent_user is not logged in - 6666\n${shown ? LINK : ''}`);
  });

  test('language=es is documented but ignored', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), `${AUTH}&function=logout&value=LOGOUT&agent_user=6666&close_window_link=1&language=es`),
      `ERROR: agent_user is not logged in - 6666\n${LINK}`,
    );
  });

  test('not after a credential error, nor after an error that ends the script', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=9999&pass=1&function=logout&close_window_link=1'), 'ERROR: Invalid Username/Password: |9999||0|0|BAD|0|api||\n');
    expectVicidialAnswer(await agentGet(gateway(), `${STOP_PROBE}&close_window_link=1`), NO_AUDIO_STOP);
  });
});

describe('format=debug (spec §1.4)', () => {
  const HEADER = '<html>\n<head>\n<!-- VERSION: 2.14-82     BUILD: 250122-1010    USER: 6666\n<title>VICIDiaL Agent API</title>\n</head>\n<BODY BGCOLOR=white marginheight=0 marginwidth=0 leftmargin=0 topmargin=0>\n';

  test('header, action summary instead of SQL, answer, footer', async () => {
    const before = nowSeconds();
    const response = await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1000&format=debug`);
    const after = nowSeconds();
    const runtime = /<!-- script runtime: (\d+) seconds -->/.exec(response.text)?.[1] ?? 'missing';
    expectEpochLine(
      response,
      before,
      after,
      (epoch) =>
        `${HEADER}\n<!-- external_pause: agent 1000 paused -->SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n` +
        `\n<!-- script runtime: ${runtime} seconds -->\n</body>\n</html>\n`,
    );
    expect(response.text).not.toMatch(/select |update |insert |vicidial_live_agents/i);
    await agentGet(gateway(), `${AUTH}&function=external_pause&value=RESUME&agent_user=1000`);
  });

  test('with the close-window link: link before the footer', async () => {
    const response = await agentGet(gateway(), `${AUTH}&function=logout&value=LOGOUT&agent_user=6666&format=debug&close_window_link=1`);
    expect(response.text).toMatch(
      new RegExp(
        `^${escape(HEADER)}ERROR: agent_user is not logged in - 6666\\n\\n<a href="javascript:window.opener='x';window.close\\(\\);">Close This Window</a>\\n\\n<!-- script runtime: \\d+ seconds -->\\n</body>\\n</html>\\n$`,
      ),
    );
  });

  test('an error that ends the script: header, no footer', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${STOP_PROBE}&format=debug`), `${HEADER}${NO_AUDIO_STOP}`);
  });

  test('not before authentication: credential errors are plain', async () => {
    expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=9999&pass=1&function=logout&format=debug'), 'ERROR: Invalid Username/Password: |9999||0|0|BAD|0|api||\n');
  });

  test('only the exact word debug (filtered) turns it on', async () => {
    expectVicidialAnswer(await agentGet(gateway(), `${STOP_PROBE}&format=DEBUG`), NO_AUDIO_STOP);
    expectVicidialAnswer(await agentGet(gateway(), `${STOP_PROBE}&format=de-bug`), `${HEADER}${NO_AUDIO_STOP}`);
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

import { AGENT_API, AUTH, expectVicidialAnswer, NON_AGENT_API, rawRequest, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// Spec §1.1 on both scripts, through the gateway's own listening HTTP server:
// parameters decoded as PHP decodes them, GET and POST alike, and the path
// spellings Apache maps to the scripts. What a parameter decoded to is seen
// in the answer's echo where the script echoes it, and in the API log
// (which keeps the decoded value, before the input filters) everywhere.

const gateway = sharedGateway({ overrides: { listen: true } });

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const get = (script: string, query: string, headers: Record<string, string> = {}): Promise<WireResponse> =>
  rawRequest(gateway(), { path: `${script}?${query}`, headers });
const post = (script: string, query: string, body: string, headers: Record<string, string> = FORM): Promise<WireResponse> =>
  rawRequest(gateway(), { method: 'POST', path: query === '' ? script : `${script}?${query}`, body, headers });

/** The parameters the API log kept for the last request that carried `marker=<marker>`. */
async function loggedParams(marker: string): Promise<Record<string, string>> {
  return gateway().waitFor(async () => {
    const rows = await gateway().query<{ params: Record<string, string> }>("SELECT params FROM api_log WHERE params->>'marker' = $1 ORDER BY at DESC LIMIT 1", [marker]);
    return rows[0]?.params;
  });
}

/** A request that changes nothing: STOP while no audio plays. */
const STOP_PROBE = `${AUTH}&agent_user=1000&function=audio_playback&stage=STOP`;
const noAudio = (stage: string): string => `ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|${stage}|1000\n`;
const NO_AUDIO_STOP = noAudio('STOP');
/** The Non-Agent API's answer once its login passed (no function of it runs yet). */
const LOGGED_IN = 'ERROR: NO FUNCTION SPECIFIED\n';
const loginIncorrect = (user: string): string => `ERROR: Login incorrect, please try again: |${user}||BAD|\n`;

const SCRIPTS = [
  { name: 'Agent API', script: AGENT_API },
  { name: 'Non-Agent API', script: NON_AGENT_API },
] as const;

describe.each(SCRIPTS)('$name: parameters as PHP decodes them (spec §1.1)', ({ script }) => {
  test('+ is a space and %2B a plus, in the query string and in a POST body alike', async () => {
    await get(script, 'function=version&marker=plus-get&p=a+b&q=a%2Bb&r=a%20b');
    expect(await loggedParams('plus-get')).toMatchObject({ p: 'a b', q: 'a+b', r: 'a b' });
    await post(script, '', 'function=version&marker=plus-post&p=a+b&q=a%2Bb&r=a%20b');
    expect(await loggedParams('plus-post')).toMatchObject({ p: 'a b', q: 'a+b', r: 'a b' });
  });

  test('a repeated name: the last one wins (GET, POST)', async () => {
    await get(script, 'function=version&marker=repeat-get&p=1&p=2&p=3');
    expect((await loggedParams('repeat-get')).p).toBe('3');
    await post(script, '', 'function=version&marker=repeat-post&p=1&p=2&p=3');
    expect((await loggedParams('repeat-post')).p).toBe('3');
  });

  test('name[] and name[x] read as the last value given for the name, arrays or not, in order (GET, POST)', async () => {
    await get(script, 'function=version&marker=array-get&p[]=1&p[]=2&q=1&q[]=2&r[]=1&r=2&s[a][b]=deep');
    expect(await loggedParams('array-get')).toMatchObject({ p: '2', q: '2', r: '2', s: 'deep' });
    await post(script, '', 'function=version&marker=array-post&p[]=1&p[]=2&q=1&q[]=2&q=3&r[]=1&r=2');
    expect(await loggedParams('array-post')).toMatchObject({ p: '2', q: '3', r: '2' });
  });

  test('a Content-Type: application/json header on a GET changes nothing, body or none', async () => {
    const plain = await get(script, 'function=coffee');
    const json = await get(script, 'function=coffee', { 'Content-Type': 'application/json' });
    const withBody = await rawRequest(gateway(), {
      path: `${script}?function=coffee`,
      headers: { 'Content-Type': 'application/json' },
      body: '{"function":"version"}',
    });
    for (const response of [plain, json, withBody]) expectVicidialAnswer(response, "Coffee: coffee|Error 418 I'm a teapot", 418);
  });

  test('GET and POST mixed: each name from the query string, else from the body; the query wins', async () => {
    await post(script, 'marker=mixed&p=get', 'function=version&p=post&q=post');
    expect(await loggedParams('mixed')).toMatchObject({ p: 'get', q: 'post', function: 'version' });
  });
});

describe('Agent API: the same rules, seen in its answers', () => {
  test('%2B keeps a + in the stage echo, + is a space', async () => {
    expectVicidialAnswer(await get(AGENT_API, `${AUTH}&agent_user=1000&function=audio_playback&stage=ST%2BOP`), noAudio('ST+OP'));
    expectVicidialAnswer(await post(AGENT_API, '', `${AUTH}&agent_user=1000&function=audio_playback&stage=ST+OP`), noAudio('ST OP'));
  });

  test('a + in the password must be %2B: a raw + is a space, which the filter removes', async () => {
    const bad = 'ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api||\n';
    // 12+34 arrives as "12 34", filtered to 1234: the right password.
    expectVicidialAnswer(await get(AGENT_API, 'source=test&user=6666&pass=12+34&agent_user=1000&function=audio_playback&stage=STOP'), NO_AUDIO_STOP);
    // 12%2B34 keeps its + (the Agent API password filter allows it): a wrong password.
    expectVicidialAnswer(await post(AGENT_API, '', 'source=test&user=6666&pass=12%2B34&agent_user=1000&function=audio_playback&stage=STOP'), bad);
  });

  test('bytes that are not UTF-8 come back as the bytes sent, from a POST body as from the query', async () => {
    const expected = Buffer.from(noAudio('\xe9tage\xff'), 'latin1');
    const query = await get(AGENT_API, `${AUTH}&function=audio_playback&agent_user=1000&stage=%E9t%27a%5Cg%3Be%FF`);
    const body = await post(AGENT_API, '', `${AUTH}&function=audio_playback&agent_user=1000&stage=%E9t%27a%5Cg%3Be%FF`);
    expect(query.body.equals(expected)).toBe(true);
    expect(body.body.equals(expected)).toBe(true);
  });

  test('repeated names and name[] in a POST body', async () => {
    expectVicidialAnswer(await post(AGENT_API, '', `${AUTH}&agent_user=9&agent_user[]=1000&function=audio_playback&stage=PAUSE&stage=STOP`), NO_AUDIO_STOP);
  });

  test('a JSON content type on a GET: the query string is read as usual', async () => {
    expectVicidialAnswer(await get(AGENT_API, STOP_PROBE, { 'Content-Type': 'application/json' }), NO_AUDIO_STOP);
  });

  test('GET and POST mixed', async () => {
    expectVicidialAnswer(await post(AGENT_API, 'stage=STOP&agent_user=1000', `${AUTH}&function=audio_playback&stage=PAUSE&agent_user=9`), NO_AUDIO_STOP);
  });
});

describe('Non-Agent API: the same rules, seen in its login', () => {
  test('the last of repeated names, GET and POST', async () => {
    expectVicidialAnswer(await get(NON_AGENT_API, 'function=nosuch&user=1&user=6666&pass=x&pass=1234'), LOGGED_IN);
    expectVicidialAnswer(await post(NON_AGENT_API, '', 'function=nosuch&user=6666&user=66x&pass=1234'), loginIncorrect('66x'));
  });

  test('name[] reads as its last value', async () => {
    expectVicidialAnswer(await get(NON_AGENT_API, 'function=nosuch&user[]=6666&pass[]=9&pass[]=1234'), LOGGED_IN);
  });

  test('GET wins over POST, and a JSON content type on a GET changes nothing', async () => {
    expectVicidialAnswer(await post(NON_AGENT_API, 'user=66y', 'function=nosuch&user=6666&pass=1234'), loginIncorrect('66y'));
    expectVicidialAnswer(await get(NON_AGENT_API, 'function=nosuch&user=6666&pass=1234', { 'Content-Type': 'application/json' }), LOGGED_IN);
  });

  test('+ and %2B in the user both vanish in its filter; the echo shows what is left', async () => {
    expectVicidialAnswer(await get(NON_AGENT_API, 'function=nosuch&user=77+7%2B7&pass=1'), loginIncorrect('7777'));
  });

  test.each(['//vicidial/non_agent_api.php', '/vicidial//non_agent_api.php', '/vicidial/./non_agent_api.php', '/x/../vicidial/non_agent_api.php'])(
    '%s answers as /vicidial/non_agent_api.php',
    async (path) => {
      expectVicidialAnswer(await get(path, 'function=nosuch&user=6666&pass=1234'), LOGGED_IN);
      expectVicidialAnswer(await post(path, '', 'function=nosuch&user=6666&pass=1234'), LOGGED_IN);
    },
  );
});

describe('a 100 kB query string gets the function\'s answer, through the gateway\'s own server', () => {
  const long = '7'.repeat(100 * 1024);

  test('Agent API: the whole user echoed back', async () => {
    const response = await get(AGENT_API, `source=test&user=${long}&pass=x&agent_user=1000&function=audio_playback&stage=STOP`);
    expectVicidialAnswer(response, `ERROR: Invalid Username/Password: |${long}||0|0|BAD|0|api||\n`);
  });

  test('Agent API: a long parameter beside a working request', async () => {
    expectVicidialAnswer(await get(AGENT_API, `${STOP_PROBE}&padding=${long}`), NO_AUDIO_STOP);
  });

  test('Non-Agent API: the whole user echoed back', async () => {
    expectVicidialAnswer(await get(NON_AGENT_API, `function=nosuch&user=${long}&pass=x`), loginIncorrect(long));
  });
});

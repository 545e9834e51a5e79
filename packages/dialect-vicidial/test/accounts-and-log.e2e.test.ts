import { serverTime } from '../src/wire/server-time';
import { agentGet, agentPost, expectVicidialAnswer, nonAgentGet, nowSeconds, sharedGateway } from './support/vicidial-test-kit';

// Lock-out (spec §2.2), the Non-Agent API basics (§4.1, §4.2) and the API
// log with its passwords redacted (§2.3).

const gateway = sharedGateway();

const probe = (user: string, pass: string): string => `source=test&user=${user}&pass=${pass}&agent_user=6666&function=logout&value=LOGOUT`;
const NOT_LOGGED_IN = 'ERROR: agent_user is not logged in - 6666\n';

async function failedLogins(login: string): Promise<number> {
  const rows = await gateway().query<{ failed_logins: number }>("SELECT failed_logins FROM api_users WHERE realm = 'vicidial' AND login = $1", [login]);
  return rows[0]!.failed_logins;
}

describe('lock-out (spec §2.2)', () => {
  test('after a Non-Agent login, 10 failures lock the account: every call then answers LOCK, even with the right password', async () => {
    // The login starts the 15-minute window (VICIdial's last_login_date).
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6674&pass=1234'), 'ERROR: NO FUNCTION SPECIFIED\n');
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expectVicidialAnswer(await agentGet(gateway(), probe('6674', `wrong${attempt}`)), 'ERROR: Invalid Username/Password: |6674||0|1|BAD|0|api||\n');
    }
    expect(await failedLogins('6674')).toBe(10);
    expectVicidialAnswer(await agentGet(gateway(), probe('6674', '1234')), 'ERROR: Invalid Username/Password: |6674||0|1|LOCK|\n');
    expectVicidialAnswer(await agentGet(gateway(), probe('6674', 'wrong')), 'ERROR: Invalid Username/Password: |6674||0|1|LOCK|\n');
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6674&pass=1234'), 'ERROR: Too many login attempts, try again in 15 minutes: |6674|LOCK|\n');
  });

  test('an Agent API success keeps the failures', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) await agentGet(gateway(), probe('6673', 'nope'));
    expect(await failedLogins('6673')).toBe(3);
    expectVicidialAnswer(await agentGet(gateway(), probe('6673', '1234')), NOT_LOGGED_IN);
    expect(await failedLogins('6673')).toBe(3);
  });

  test('a Non-Agent login success clears them', async () => {
    for (let attempt = 1; attempt <= 3; attempt += 1) await agentGet(gateway(), probe('6666', 'nope'));
    expect(await failedLogins('6666')).toBeGreaterThanOrEqual(3);
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6666&pass=1234'), 'ERROR: NO FUNCTION SPECIFIED\n');
    expect(await failedLogins('6666')).toBe(0);
  });

  test('unknown users are not counted (nothing to lock)', async () => {
    for (let attempt = 1; attempt <= 12; attempt += 1) {
      expectVicidialAnswer(await agentGet(gateway(), probe('7777', 'x1')), 'ERROR: Invalid Username/Password: |7777||0|0|BAD|0|api||\n');
    }
  });
});

describe('Non-Agent API (spec §4)', () => {
  test('version: VERSION|BUILD|DATE|EPOCH|DST|TZ|TZNOW|, before login', async () => {
    const before = nowSeconds();
    const response = await nonAgentGet(gateway(), 'function=version');
    const after = nowSeconds();
    const match = /^VERSION: 2\.14-202\|BUILD: 250720-1841\|DATE: ([^|]+)\|EPOCH: (\d+)\|DST: 0\|TZ: 0\.00\|TZNOW: 0\.00\|\n$/.exec(response.text);
    expect(match).not.toBeNull();
    const epoch = Number(match![2]);
    expect(epoch).toBeGreaterThanOrEqual(before);
    expect(epoch).toBeLessThanOrEqual(after);
    expect(match![1]).toBe(serverTime(new Date(epoch * 1000), 'UTC').local);
    expectVicidialAnswer(response, response.text);
  });

  test.each(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee'])('teapot %s: 418 before login', async (fn) => {
    const response = await nonAgentGet(gateway(), `function=${fn}`);
    expectVicidialAnswer(response, `Coffee: ${fn}|Error 418 I'm a teapot`, 418);
    expect(response.statusMessage).toBe("I'm a teapot");
  });

  test('wrong password: Login incorrect, the password left out', async () => {
    const response = await nonAgentGet(gateway(), 'function=nosuch&user=6666&pass=guess99');
    expectVicidialAnswer(response, 'ERROR: Login incorrect, please try again: |6666||BAD|\n');
    expect(response.text).not.toContain('guess99');
  });

  test('user level 6 or lower cannot log in', async () => {
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6671&pass=1234'), 'ERROR: Login incorrect, please try again: |6671||BAD|\n');
  });

  test('no Agent API access is not checked at login', async () => {
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6667&pass=1234'), 'ERROR: NO FUNCTION SPECIFIED\n');
  });

  test('caller address outside the account\'s list', async () => {
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6672&pass=1234'), 'ERROR: Your IP Address is not allowed: 127.0.0.1: ||IPBLOCK|\n');
  });

  test('the Non-Agent password filter drops what the Agent API keeps (. / + =)', async () => {
    expectVicidialAnswer(await nonAgentGet(gateway(), 'function=nosuch&user=6666&pass=12.3/4'), 'ERROR: NO FUNCTION SPECIFIED\n');
  });

  test.each(['', 'nosuch', 'ADD_LEAD', 'add-lead'])('function "%s" after login: ERROR: NO FUNCTION SPECIFIED (a function the script does not have; matched case-sensitively)', async (fn) => {
    expectVicidialAnswer(await nonAgentGet(gateway(), `source=test&function=${fn}&user=6666&pass=1234`), 'ERROR: NO FUNCTION SPECIFIED\n');
  });
});

describe('API log (spec §2.3: every request, never a password)', () => {
  interface LogRow {
    operation: string;
    params: Record<string, string>;
    api_user: string | null;
    agent_id: string | null;
    outcome: string;
    result: string;
    http_status: number;
  }

  const logged = (source: string) =>
    gateway().waitFor(
      async () => {
        const rows = await gateway().query<LogRow>("SELECT operation, params, api_user, agent_id, outcome, result, http_status FROM api_log WHERE params->>'source' = $1", [source]);
        return rows.length > 0 ? rows : false;
      },
      5000,
      `api_log row of ${source}`,
    );

  test('the row has the function, user, agent, outcome and first line; the password is redacted', async () => {
    await agentGet(gateway(), 'source=logcheckA&user=6673&pass=1234&agent_user=1000&function=audio_playback&stage=STOP');
    const [row] = await logged('logcheckA');
    expect(row).toMatchObject({
      operation: 'audio_playback',
      api_user: '6673',
      agent_id: '1000',
      outcome: 'error',
      result: 'ERROR: audio_playback error - no audio playing in agent session - 8600051|10.10.10.15|STOP|1000',
      http_status: 200,
    });
    expect(row!.params.pass).toBe('[redacted]');
    expect(JSON.stringify(row)).not.toContain('1234');
  });

  test('version, answered before anything else is read, is logged like any function: its user, agent, line and redacted password', async () => {
    const response = await agentGet(gateway(), 'source=logcheckV&user=6673&pass=VersionSecret&agent_user=1000&function=version&format=debug');
    const [row] = await logged('logcheckV');
    expect(row).toMatchObject({ operation: 'version', api_user: '6673', agent_id: '1000', outcome: 'success', result: response.text.slice(0, -1), http_status: 200 });
    expect(row!.result).toMatch(/^VERSION: 2\.14-82\|BUILD: 250122-1010\|DATE: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\|EPOCH: \d+$/);
    expect(row!.params).toEqual({ source: 'logcheckV', user: '6673', pass: '[redacted]', agent_user: '1000', function: 'version', format: 'debug' });
  });

  test('a wrong password, a password in a POST body and pass[]= are redacted too', async () => {
    await agentGet(gateway(), 'source=logcheckB&user=9999&pass=S3cretGuess&function=logout');
    await agentPost(gateway(), '', 'source=logcheckC&user=9999&pass=P0stedSecret&function=logout');
    await agentGet(gateway(), 'source=logcheckD&user=9999&pass[]=ArraySecret&function=logout');
    await nonAgentGet(gateway(), 'source=logcheckE&user=9999&pass=NonAgentSecret&function=add_lead&agent_pass=NewAgentSecret');
    for (const [source, secret] of [
      ['logcheckB', 'S3cretGuess'],
      ['logcheckC', 'P0stedSecret'],
      ['logcheckD', 'ArraySecret'],
      ['logcheckE', 'NonAgentSecret'],
    ] as const) {
      const [row] = await logged(source);
      expect(row!.params.pass).toBe('[redacted]');
      expect(JSON.stringify(row)).not.toContain(secret);
    }
    const [nonAgent] = await logged('logcheckE');
    expect(nonAgent!.params.agent_pass).toBe('[redacted]');
    expect(JSON.stringify(nonAgent)).not.toContain('NewAgentSecret');
  });

  test('a SUCCESS is logged as a success', async () => {
    await agentGet(gateway(), 'source=logcheckF&user=6673&pass=1234&agent_user=1000&function=external_hangup&value=1');
    const [row] = await logged('logcheckF');
    expect(row).toMatchObject({ operation: 'external_hangup', outcome: 'success', result: 'SUCCESS: external_hangup function set - 1|1000' });
  });
});

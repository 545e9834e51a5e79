import supertest from 'supertest';
import type { Clock } from '@pbx-gateway/core';
import type { RunningGateway } from '../src';
import { restartableDemoGateway } from './support/restartable-gateway';

// VICIdial's lock-out (spec §2.2) lives in Postgres: a restart, which applies
// the provisioning documents again, neither forgets the failures nor lifts a
// lock. Locked while the count is at ten and the window (VICIdial's
// last_login_date: a Non-Agent login, or the count starting over) is under
// 15 minutes old. Time is the gateway's injected clock, moved by the test.

const MINUTE = 60_000;

const agentApi = (pass: string): string => `/agc/api.php?source=test&user=6666&pass=${pass}&agent_user=6666&function=logout&value=LOGOUT`;
const BAD = 'ERROR: Invalid Username/Password: |6666||0|1|BAD|0|api||\n';
const LOCK = 'ERROR: Invalid Username/Password: |6666||0|1|LOCK|\n';
/** The function's own answer: the credentials passed (6666 is no logged-in agent). */
const PASSED = 'ERROR: agent_user is not logged in - 6666\n';

describe('lock-out across restarts, on the injected clock', () => {
  let nowMs = Date.parse('2026-03-02T10:00:00.000Z');
  const clock: Clock = { now: () => new Date(nowMs) };
  const demoGateway = restartableDemoGateway({ clock });
  const start = demoGateway.start;
  const restart = async (): Promise<RunningGateway> => {
    await demoGateway.stop();
    return demoGateway.start();
  };
  const call = async (gateway: RunningGateway, pass: string): Promise<string> => (await supertest(gateway.app).get(agentApi(pass))).text;
  const failures = async (gateway: RunningGateway): Promise<number> => (await gateway.core.findApiUser('vicidial', '6666'))!.failedLogins;

  const nonAgentLogin = async (gateway: RunningGateway, pass: string): Promise<string> =>
    (await supertest(gateway.app).get(`/vicidial/non_agent_api.php?function=nosuch&user=6666&pass=${pass}`)).text;

  it('a Non-Agent login starts the window; ten failures within it lock; a restart keeps the lock; it ends 15 minutes after the window started', async () => {
    let gateway = await start();
    expect(await nonAgentLogin(gateway, '1234')).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    const windowStart = nowMs;
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      nowMs += 1000;
      expect(await call(gateway, `wrong${attempt}`)).toBe(BAD);
    }
    expect(await call(gateway, '1234')).toBe(LOCK);

    gateway = await restart();
    expect(await failures(gateway)).toBe(10);
    expect(await call(gateway, '1234')).toBe(LOCK);
    expect(await nonAgentLogin(gateway, '1234')).toBe('ERROR: Too many login attempts, try again in 15 minutes: |6666|LOCK|\n');

    // Measured from the window's start (VICIdial's last_login_date), not from the tenth failure.
    nowMs = windowStart + 15 * MINUTE - 1000;
    expect(await call(gateway, '1234')).toBe(LOCK);
    nowMs = windowStart + 15 * MINUTE + 1000;
    expect(await call(gateway, '1234')).toBe(PASSED);
  });

  it('with no recent login, ten failures do not lock: the eleventh starts the count over and the window, and the count reaching ten again locks', async () => {
    let gateway = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await failures(gateway)).toBe(10);
    // VICIdial's rule: locked only while the count is at ten and last_login_date is within 15 minutes.
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await failures(gateway)).toBe(1);
    gateway = await restart();
    for (let attempt = 2; attempt <= 9; attempt += 1) expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await failures(gateway)).toBe(9);
    expect(await call(gateway, '1234')).toBe(PASSED);
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await call(gateway, '1234')).toBe(LOCK);
  });

  it('below ten, failures add up whatever their age; Agent API successes keep them and do not start a window', async () => {
    let gateway = await start();
    expect(await nonAgentLogin(gateway, '1234')).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    const windowStart = nowMs;
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect(await call(gateway, 'wrong')).toBe(BAD);
      nowMs += MINUTE;
    }
    expect(await call(gateway, '1234')).toBe(PASSED);
    gateway = await restart();
    expect(await failures(gateway)).toBe(9);
    nowMs = windowStart + 14 * MINUTE;
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await call(gateway, '1234')).toBe(LOCK);
    // An hour on, the window that the login started is long over: the right password passes again.
    nowMs = windowStart + 60 * MINUTE;
    expect(await call(gateway, '1234')).toBe(PASSED);
  });

  it('a Non-Agent login success clears the failures, and that too survives a restart', async () => {
    let gateway = await start();
    for (let attempt = 1; attempt <= 9; attempt += 1) await call(gateway, 'wrong');
    expect((await supertest(gateway.app).get('/vicidial/non_agent_api.php?function=nosuch&user=6666&pass=1234')).text).toBe('ERROR: NO FUNCTION SPECIFIED\n');
    gateway = await restart();
    expect(await failures(gateway)).toBe(0);
    for (let attempt = 1; attempt <= 9; attempt += 1) expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await call(gateway, '1234')).toBe(PASSED);
  });
});

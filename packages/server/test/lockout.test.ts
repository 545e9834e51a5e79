import supertest from 'supertest';
import type { Clock } from '@pbx-gateway/core';
import type { RunningGateway } from '../src';
import { restartableDemoGateway } from './support/restartable-gateway';

// VICIdial's lock-out (spec §2.2) lives in Postgres: a restart, which applies
// the provisioning documents again, neither forgets the failures nor lifts a
// lock. Time is the gateway's injected clock, moved by the test.

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

  it('ten failures lock; after a restart the account is still locked; the lock ends 15 minutes after the tenth failure', async () => {
    let gateway = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect(await call(gateway, `wrong${attempt}`)).toBe(BAD);
      nowMs += 1000;
    }
    const tenthFailureAt = nowMs - 1000;
    expect(await call(gateway, '1234')).toBe(LOCK);

    gateway = await restart();
    expect(await failures(gateway)).toBe(10);
    expect(await call(gateway, '1234')).toBe(LOCK);
    expect((await supertest(gateway.app).get('/vicidial/non_agent_api.php?function=nosuch&user=6666&pass=1234')).text).toBe(
      'ERROR: Too many login attempts, try again in 15 minutes: |6666|LOCK|\n',
    );

    nowMs = tenthFailureAt + 15 * MINUTE - 1000;
    expect(await call(gateway, '1234')).toBe(LOCK);
    nowMs = tenthFailureAt + 15 * MINUTE + 1000;
    expect(await call(gateway, '1234')).toBe(PASSED);
  });

  it('once a lock is over, the next failure counts from 1: nine more do not lock, the tenth does', async () => {
    let gateway = await start();
    for (let attempt = 1; attempt <= 10; attempt += 1) await call(gateway, 'wrong');
    nowMs += 16 * MINUTE;
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await failures(gateway)).toBe(1);
    gateway = await restart();
    for (let attempt = 2; attempt <= 9; attempt += 1) expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await failures(gateway)).toBe(9);
    expect(await call(gateway, '1234')).toBe(PASSED);
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await call(gateway, '1234')).toBe(LOCK);
  });

  it('below ten, failures add up whatever their age (VICIdial adds one while fewer than ten); Agent API successes keep them', async () => {
    let gateway = await start();
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      expect(await call(gateway, 'wrong')).toBe(BAD);
      nowMs += 5 * MINUTE;
    }
    expect(await call(gateway, '1234')).toBe(PASSED);
    gateway = await restart();
    expect(await failures(gateway)).toBe(9);
    nowMs += 60 * MINUTE;
    expect(await call(gateway, 'wrong')).toBe(BAD);
    expect(await call(gateway, '1234')).toBe(LOCK);
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

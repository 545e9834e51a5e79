import { serverTime } from '../src/wire/server-time';
import { agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// The dialect's settings (docs/vicidial.md, "Configuration") through the
// server's configuration: system switches, time zone, non-Latin filters,
// account-state disclosure (ERRSERVERS: telephony-failures.test.ts).

const gateway = sharedGateway({
  overrides: {
    dialects: {
      vicidial: {
        agentApiActive: false,
        revealAccountState: false,
        timeZone: 'America/New_York',
        useNonLatin: true,
        agentApi: { version: '2.14-99', build: '991231-2359' },
      },
    },
  },
});

test('version in the configured time zone and with the configured version and build', async () => {
  const response = await agentGet(gateway(), 'function=version');
  const match = /^VERSION: 2\.14-99\|BUILD: 991231-2359\|DATE: ([^|]+)\|EPOCH: (\d+)\n$/.exec(response.text);
  expect(match).not.toBeNull();
  expect(match![1]).toBe(serverTime(new Date(Number(match![2]) * 1000), 'America/New_York').local);
});

test('Non-Agent version: DST flag, stored offset and current offset of the time zone', async () => {
  const response = await nonAgentGet(gateway(), 'function=version');
  const match = /^VERSION: 2\.14-202\|BUILD: 250720-1841\|DATE: ([^|]+)\|EPOCH: (\d+)\|DST: ([01])\|TZ: -5\.00\|TZNOW: ([^|]+)\|\n$/.exec(response.text);
  expect(match).not.toBeNull();
  const time = serverTime(new Date(Number(match![2]) * 1000), 'America/New_York');
  expect(match![1]).toBe(time.local);
  expect(Number(match![3])).toBe(time.dst);
  expect(match![4]).toBe(time.dst ? '-4' : '-5.00');
});

test('vdc_agent_api_active off: ERROR: System API NOT ACTIVE after authentication', async () => {
  expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=6666&pass=1234&function=logout&value=LOGOUT&agent_user=1000'), 'ERROR: System API NOT ACTIVE\n');
  expect(await gateway().core.getAgentSession('1000')).not.toBeNull();
});

test('account state hidden: every refusal but LOCK reads as the wrong-password line with zeros', async () => {
  expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=6667&pass=1234&function=logout'), 'ERROR: Invalid Username/Password: |6667||0|0|BAD|0|api||\n');
  expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=6666&pass=nope&function=logout'), 'ERROR: Invalid Username/Password: |6666||0|0|BAD|0|api||\n');
});

test('use_non_latin: letters of any script pass the filters; strlen counts their bytes', async () => {
  expectVicidialAnswer(
    await agentGet(gateway(), 'source=%C3%A9&user=j%C3%B6rg&pass=%C3%A5%C3%A4&function=logout'),
    'ERROR: Invalid Username/Password: |j\xc3\xb6rg||0|0|BAD|0|api||\n',
  );
  // € is not a letter: removed, leaving one byte of source.
  expectVicidialAnswer(await agentGet(gateway(), 'source=%E2%82%ACx&function=logout'), 'ERROR: Invalid Source - x\n');
});

test('use_non_latin: input that is not UTF-8 is emptied, as PHP\'s /u patterns do', async () => {
  expectVicidialAnswer(await agentGet(gateway(), 'source=test&user=ab%FF&pass=1234&function=logout'), 'ERROR: Invalid Username/Password: |||0|0|BAD|0|api||\n');
});

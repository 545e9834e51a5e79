import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_user: every response line, and the agent as Postgres then
// holds it.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=update_user&user=${user}&pass=1234&${query}`);
const LONG = (n: number) => 'x'.repeat(n);

test('without modify_users, level 8 or API access: no permission', async () => {
  expectVicidialAnswer(await api('agent_user=1007&active=Y', '6675'), 'ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE USERS: |6675|0\n');
  expectVicidialAnswer(await api('agent_user=1007&active=Y', '6667'), 'ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE USERS: |6667|0\n');
});

test('agent_user shorter than 2 or longer than 20', async () => {
  expectVicidialAnswer(await api('agent_user=1&active=Y'), 'ERROR: update_user YOU MUST USE ALL REQUIRED FIELDS: |6666|1|\n');
  expectVicidialAnswer(await api(`agent_user=${LONG(21)}`), `ERROR: update_user YOU MUST USE ALL REQUIRED FIELDS: |6666|${LONG(21)}|\n`);
});

test('an unknown agent: the line echoes server_ip, as VICIdial does', async () => {
  expectVicidialAnswer(await api('agent_user=9999&active=Y'), 'ERROR: update_user USER DOES NOT EXIST: |6666|\n');
  expectVicidialAnswer(await api('agent_user=9999&active=Y&server_ip=10.0.0.5'), 'ERROR: update_user USER DOES NOT EXIST: |6666|10.0.0.5\n');
});

test("an agent the caller may not change: a group it does not see, or a level it does not outrank (an empty line follows)", async () => {
  expectVicidialAnswer(await api('agent_user=1000&active=Y', '6679'), 'ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |6679|1000|<|9\n\n');
  expectVicidialAnswer(
    await nonAgentGet(gateway(), 'source=test&function=add_user&user=6666&pass=1234&agent_user=2101&agent_pass=9999&agent_user_level=9&agent_full_name=Nine&agent_user_group=ADMIN'),
    'SUCCESS: add_user USER HAS BEEN ADDED - 6666|2101||9|Nine|ADMIN\n',
  );
  expectVicidialAnswer(await api('agent_user=2101&active=N', '6678'), 'ERROR: update_user USER DOES NOT HAVE PERMISSION TO UPDATE THIS USER: |6678|2101|<|8\n\n');
  // modify_same_user_level: a 9 may change a 9.
  expectVicidialAnswer(await api('agent_user=2101&active=N'), 'SUCCESS: update_user USER HAS BEEN UPDATED - 6666|2101|\n');
});

test.each([
  [`agent_full_name=${LONG(51)}`, `YOU MUST USE A VALID FULL NAME, THIS IS AN OPTIONAL FIELD: |6666|${LONG(51)}`],
  ['agent_user_level=10', 'YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: |6666|10|9|1'],
  ['agent_user_level=0', 'YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: |6666|0|9|1'],
  ['agent_user_group=NOGROUP', 'YOU MUST USE A VALID USER GROUP, THIS IS AN OPTIONAL FIELD: |6666|NOGROUP|0'],
  [`phone_login=${LONG(21)}`, `YOU MUST USE A VALID PHONE LOGIN, THIS IS AN OPTIONAL FIELD: |6666|${LONG(21)}`],
  [`phone_pass=${LONG(21)}`, `YOU MUST USE A VALID PHONE PASSWORD, THIS IS AN OPTIONAL FIELD: |6666|${LONG(21)}`],
  ['hotkeys_active=2', 'YOU MUST USE A VALID HOTKEYS SETTING, THIS IS AN OPTIONAL FIELD: |6666|2'],
  ['voicemail_id=1', 'YOU MUST USE A VALID VOICEMAIL ID, THIS IS AN OPTIONAL FIELD: |6666|1'],
  ['email=a%40b', 'YOU MUST USE A VALID EMAIL, THIS IS AN OPTIONAL FIELD: |6666|a@b'],
  [`custom_one=${LONG(101)}`, `YOU MUST USE A VALID CUSTOM ONE, THIS IS AN OPTIONAL FIELD: |6666|${LONG(101)}`],
  [`custom_five=${LONG(101)}`, `YOU MUST USE A VALID CUSTOM FIVE, THIS IS AN OPTIONAL FIELD: |6666|${LONG(101)}`],
  ['active=X', 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6666|X'],
  ['wrapup_seconds_override=10000', 'wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999, THIS IS AN OPTIONAL FIELD: |6666|10000'],
  ['wrapup_seconds_override=-2', 'wrapup_seconds_override MUST BE A VALID DIGIT BETWEEN -1 AND 9999, THIS IS AN OPTIONAL FIELD: |6666|-2'],
])('an optional field out of bounds: %s (nothing changes)', async (query, line) => {
  expectVicidialAnswer(await api(`agent_user=1006&agent_full_name=Changed&${query}`), `ERROR: update_user ${line}\n`);
  expect((await gateway().core.getAgent('1006'))?.name).toBe('Agent Six');
});

test('a level the caller may not give: its own without modify_same_user_level', async () => {
  expectVicidialAnswer(await api('agent_user=1006&agent_user_level=8', '6678'), 'ERROR: update_user YOU MUST USE A VALID USER LEVEL, THIS IS AN OPTIONAL FIELD: |6678|8|8|0\n');
});

test('no field to change', async () => {
  expectVicidialAnswer(await api('agent_user=1006'), 'ERROR: update_user NO UPDATES DEFINED: |6666|\n');
});

test('SUCCESS: the fields given change, the others stay; --BLANK-- empties one', async () => {
  const before = await gateway().core.getAgent('1007');
  expectVicidialAnswer(
    await api('agent_user=1007&agent_pass=5678&agent_full_name=Agent+Seven+B&agent_user_level=3&phone_login=2107&email=s%40x.org&custom_three=CRM-1007&custom_two=two&active=N&wrapup_seconds_override=-1', '6678'),
    'SUCCESS: update_user USER HAS BEEN UPDATED - 6678|1007|\n',
  );
  const after = await gateway().core.getAgent('1007');
  expect(after).toMatchObject({
    name: 'Agent Seven B',
    device: 'PJSIP/2107',
    active: false,
    externalId: 'CRM-1007',
    attributes: { user_group: 'AGENTS', user_level: '3', full_name: 'Agent Seven B', email: 's@x.org', custom_two: 'two', custom_three: 'CRM-1007', wrapup_seconds_override: '-1' },
  });
  expect(after!.secretHash).not.toBe(before!.secretHash);
  expect(after!.secretHash).not.toContain('5678');

  expectVicidialAnswer(await api('agent_user=1007&custom_three=--BLANK--&phone_login=--BLANK--&active=Y'), 'SUCCESS: update_user USER HAS BEEN UPDATED - 6666|1007|\n');
  const blanked = await gateway().core.getAgent('1007');
  expect(blanked).toMatchObject({ device: null, active: true, externalId: null, attributes: { custom_two: 'two' } });
  expect(blanked!.attributes.custom_three).toBeUndefined();
});

test('delete_user=Y: without delete_users no permission; a logged-in agent stays; otherwise the agent is gone', async () => {
  expectVicidialAnswer(await api('agent_user=1006&delete_user=Y', '6679'), 'ERROR: update_user USER DOES NOT HAVE PERMISSION TO DELETE USERS: |6679|0\n');
  expectVicidialAnswer(await api('agent_user=1006&delete_user=Y', '6678'), 'ERROR: update_user USER IS LOGGED IN, NOT DELETED: |6678|1006\n');
  expect(await gateway().core.getAgent('1006')).not.toBeNull();
  expectVicidialAnswer(
    await nonAgentGet(gateway(), 'source=test&function=add_user&user=6666&pass=1234&agent_user=2102&agent_pass=9999&agent_user_level=1&agent_full_name=Leaving&agent_user_group=AGENTS'),
    'SUCCESS: add_user USER HAS BEEN ADDED - 6666|2102||1|Leaving|AGENTS\n',
  );
  expectVicidialAnswer(await api('agent_user=2102&delete_user=Y&agent_full_name=Ignored', '6678'), 'SUCCESS: update_user USER HAS BEEN DELETED - 6678|2102|\n');
  expect(await gateway().core.getAgent('2102')).toBeNull();
  expectVicidialAnswer(await api('agent_user=2102&delete_user=Y'), 'ERROR: update_user USER DOES NOT EXIST: |6666|\n');
});

import { ADMIN_ACCOUNT, nonAgentAccount, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_group_alias: every response line, the alias stored in
// Postgres, and the Agent API's external_dial dialling with it.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      [
        nonAgentAccount('6680', { ...ADMIN_ACCOUNT, user_level: '8', ast_admin_access: '1' }),
        nonAgentAccount('6681', { ...ADMIN_ACCOUNT, user_level: '7', ast_admin_access: '1' }),
      ],
    ),
  },
});

/** external_dial wants the agent paused. */
const pauseAgent = () => agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1000`);

const api = (query: string, user = '6680') => nonAgentGet(gateway(), `source=test&function=add_group_alias&user=${user}&pass=1234&${query}`);

test.each(['6675', '6681', '6667'])('without ast_admin_access, below level 8 or without API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('caller_id_number=7275551212', user), `ERROR: add_group_alias USER DOES NOT HAVE PERMISSION TO ADD GROUP ALIASES: |${user}|0\n`);
});

test.each([
  ['group_alias_id=short_cid&group_alias_name=x+y%2Bz', '|6680|short_cid|x y+z|'],
  ['caller_id_number=72755&group_alias_id=short_cid', '|6680|short_cid||72755'],
  ['caller_id_number=72-755-abc', '|6680|||72755'],
])('a caller id number shorter than 6 digits: %s', async (query, echo) => {
  expectVicidialAnswer(await api(query), `ERROR: add_group_alias YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
});

test('SUCCESS with every field; a `+` in the name becomes a space; the alias is stored', async () => {
  expectVicidialAnswer(
    await api('caller_id_number=7275551212&group_alias_id=test_group_alias&group_alias_name=test%2Bgroup+alias&caller_id_name=Sales%2BTeam&active=Y&admin_user_group=ADMIN'),
    'SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - 6680|test_group_alias|test group alias|7275551212\n',
  );
  expect(await gateway().core.getGroupAlias('test_group_alias')).toEqual({ id: 'test_group_alias', callerIdNumber: '7275551212', callerIdName: 'Sales Team', active: true });
});

test('SUCCESS with the number alone: the id and the name are the number', async () => {
  expectVicidialAnswer(await api('caller_id_number=3125550042'), 'SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - 6680|3125550042|3125550042|3125550042\n');
  expect(await gateway().core.getGroupAlias('3125550042')).toEqual({ id: '3125550042', callerIdNumber: '3125550042', callerIdName: '', active: true });
});

test('values longer than VICIdial\'s columns: SUCCESS echoes them as sent, the alias keeps 30 / 20 / 20 characters', async () => {
  const id = `long_${'9'.repeat(5000)}`;
  const number = '3'.repeat(25);
  expectVicidialAnswer(
    await api(`caller_id_number=${number}&group_alias_id=${id}&group_alias_name=long&caller_id_name=${'N'.repeat(30)}`),
    `SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - 6680|${id}|long|${number}\n`,
  );
  expect(await gateway().core.getGroupAlias(id.slice(0, 30))).toEqual({ id: id.slice(0, 30), callerIdNumber: number.slice(0, 20), callerIdName: 'N'.repeat(20), active: true });
});

test('an id in use: GROUP ALIAS ALREADY EXISTS, the alias unchanged', async () => {
  expectVicidialAnswer(await api('caller_id_number=3125559999&group_alias_id=TESTALIAS'), 'ERROR: add_group_alias GROUP ALIAS ALREADY EXISTS: |6680|TESTALIAS|3125559999\n');
  expect((await gateway().core.getGroupAlias('TESTALIAS'))!.callerIdNumber).toBe('7275550000');
});

test('an inactive alias is stored inactive', async () => {
  expectVicidialAnswer(await api('caller_id_number=3125550043&group_alias_id=OFFNEW&active=N'), 'SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - 6680|OFFNEW|3125550043|3125550043\n');
  expect(await gateway().core.getGroupAlias('OFFNEW')).toMatchObject({ callerIdNumber: '3125550043', active: false });
});

test('an added alias is the caller id external_dial dials with', async () => {
  expectVicidialAnswer(await api('caller_id_number=3125550044&group_alias_id=NEWALIAS'), 'SUCCESS: add_group_alias GROUP ALIAS HAS BEEN ADDED - 6680|NEWALIAS|3125550044|3125550044\n');
  await pauseAgent();
  const dial = await agentGet(gateway(), `${AUTH}&function=external_dial&search=NO&preview=NO&focus=NO&value=3125558888&agent_user=1000&group_alias=NEWALIAS`);
  expect(dial.text).toMatch(/^SUCCESS: external_dial function set - 3125558888\|1000\|\|NO\|NO\|NO\|\|\d+\|\|NEWALIAS\|3125550044\|\n$/);
  const gw = gateway();
  const callId = await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.currentCallId ?? false, 15000, 'the manual call');
  expect((await gw.core.getCall(callId))!.call.fromNumber).toBe('3125550044');
  // The customer hangs up: the call ends with its CDR.
  const customer = await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up'), 15000, 'the customer answered');
  await gw.farEnd.hangup(customer.id, 16);
  await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, 'the CDR');
});

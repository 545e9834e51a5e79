import { PHONE_ADMINS } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_phone_alias and update_phone_alias: every response line, and
// the alias as Postgres keeps it.

const SERVER = '10.10.10.15';
const phone = (login: string) => ({ extension: login, serverIp: SERVER, login, pass: 'test', registrationPassword: `reg${login}` });
const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      apiUsers: [...PHONE_ADMINS],
      phones: [phone('cc100'), phone('bb100'), phone('aa100')],
      phoneAliases: [{ id: 'x101', name: 'existing', logins: ['aa100'] }],
    },
  },
});

const get = (fn: string, query: string, user = '6691') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=${fn}&${query}`);

describe('add_phone_alias', () => {
  const add = (query: string, user?: string) => get('add_phone_alias', query, user);

  test.each(['6693', '6694'])('below level 8 or without ast_admin_access (%s): no permission', async (user) => {
    expectVicidialAnswer(await add('alias_id=x100&alias_name=x&phone_logins=cc100', user), `ERROR: add_phone_alias USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES: |${user}|0\n`);
  });

  test.each([
    ['alias_id=x&alias_name=testing&phone_logins=cc100', '|6691|x|testing|cc100'],
    ['alias_id=x100&alias_name=testing&phone_logins=c', '|6691|x100|testing|c'],
    ['alias_id=x100&phone_logins=cc100', '|6691|x100||cc100'],
  ])('a required field missing or short: %s', async (query, echo) => {
    expectVicidialAnswer(await add(query), `ERROR: add_phone_alias YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
  });

  test('an id in use: PHONE ALIAS ALREADY EXISTS', async () => {
    expectVicidialAnswer(await add('alias_id=x101&alias_name=other&phone_logins=cc100'), 'ERROR: add_phone_alias PHONE ALIAS ALREADY EXISTS: |6691|x101\n');
    expect(await gateway().core.getPhoneAlias('x101')).toEqual({ id: 'x101', name: 'existing', logins: ['aa100'] });
  });

  test('a login no phone has, the first one named: PHONE DOES NOT EXIST, nothing added', async () => {
    expectVicidialAnswer(await add('alias_id=x102&alias_name=t&phone_logins=cc100,zz100,yy100'), 'ERROR: add_phone_alias PHONE DOES NOT EXIST: |6691|zz100\n');
    expectVicidialAnswer(await add('alias_id=x102&alias_name=t&phone_logins=cc100,,bb100'), 'ERROR: add_phone_alias PHONE DOES NOT EXIST: |6691|\n');
    expect(await gateway().core.getPhoneAlias('x102')).toBeNull();
  });

  test('SUCCESS: the alias with its logins in order', async () => {
    expectVicidialAnswer(await add('alias_id=x100&alias_name=testing_x100&phone_logins=cc100,bb100'), 'SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - 6691|x100|testing_x100|cc100,bb100\n');
    expect(await gateway().core.getPhoneAlias('x100')).toEqual({ id: 'x100', name: 'testing_x100', logins: ['cc100', 'bb100'] });
  });
});

describe('update_phone_alias', () => {
  const update = (query: string, user?: string) => get('update_phone_alias', query, user);

  test('without ast_admin_access: no permission', async () => {
    expectVicidialAnswer(await update('alias_id=x101&alias_name=renamed', '6694'), 'ERROR: update_phone_alias USER DOES NOT HAVE PERMISSION TO UPDATE PHONE ALIASES: |6694|0\n');
  });

  test.each([
    ['alias_id=x&alias_name=renamed', '|6691|x|renamed|'],
    ['alias_id=x101&phone_logins=a', '|6691|x101||a'],
  ])('nothing to do or no id: %s', async (query, echo) => {
    expectVicidialAnswer(await update(query), `ERROR: update_phone_alias YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
  });

  test('an unknown alias: PHONE ALIAS DOES NOT EXIST', async () => {
    expectVicidialAnswer(await update('alias_id=nope&alias_name=renamed'), 'ERROR: update_phone_alias PHONE ALIAS DOES NOT EXIST: |6691|nope\n');
  });

  test('a name of one byte: YOU MUST USE A VALID ALIAS NAME', async () => {
    expectVicidialAnswer(await update('alias_id=x101&alias_name=r'), 'ERROR: update_phone_alias YOU MUST USE A VALID ALIAS NAME: |6691|r\n');
  });

  test('a login no phone has: PHONE DOES NOT EXIST, the alias unchanged', async () => {
    expectVicidialAnswer(await update('alias_id=x101&alias_name=renamed&phone_logins=bb100,zz100'), 'ERROR: update_phone_alias PHONE DOES NOT EXIST: |6691|zz100\n');
    expect((await gateway().core.getPhoneAlias('x101'))!.name).toBe('existing');
  });

  test('delete_alias other than Y and nothing else: NO UPDATES DEFINED', async () => {
    expectVicidialAnswer(await update('alias_id=x101&delete_alias=N'), 'NOTICE: update_phone_alias NO UPDATES DEFINED: |6691|\n');
  });

  test('SUCCESS: renamed, then given other phones', async () => {
    expectVicidialAnswer(await update('alias_id=x101&alias_name=renamed+alias'), 'SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - 6691|x101|\n');
    expectVicidialAnswer(await update('alias_id=x101&phone_logins=bb100,cc100'), 'SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - 6691|x101|\n');
    expect(await gateway().core.getPhoneAlias('x101')).toEqual({ id: 'x101', name: 'renamed alias', logins: ['bb100', 'cc100'] });
  });

  test('delete_alias without ast_delete_phones: the NOTICE, the alias stays', async () => {
    expectVicidialAnswer(await update('alias_id=x101&delete_alias=Y', '6692'), 'NOTICE: update_phone_alias USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES: |6692|0\n');
    expect(await gateway().core.getPhoneAlias('x101')).not.toBeNull();
  });

  test('delete_alias: PHONE ALIAS HAS BEEN DELETED', async () => {
    expectVicidialAnswer(await update('alias_id=x101&delete_alias=Y&alias_name=r'), 'SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN DELETED - 6691|x101\n');
    expect(await gateway().core.getPhoneAlias('x101')).toBeNull();
  });
});

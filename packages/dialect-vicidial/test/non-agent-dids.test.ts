import { ADMIN_ACCOUNT, nonAgentAccount, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_did, copy_did, update_did and did_log_export's refusals:
// every response line, and the DIDs as Postgres keeps them. The calls a DID
// takes and their log: did-calls.e2e.test.ts.

const DIDS = { modify_inbound_dids: '1' };

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      [
        // 6690 may add, change and delete DIDs and read reports; 6691 (level 8) may not delete; 6692 is of level 7;
        // 6693 sees its group AGENTS only; 6694 may add DIDs but reads no reports.
        nonAgentAccount('6690', { ...ADMIN_ACCOUNT, ...DIDS, delete_inbound_dids: '1', view_reports: '1' }),
        nonAgentAccount('6691', { ...ADMIN_ACCOUNT, ...DIDS, user_level: '8' }),
        nonAgentAccount('6692', { ...ADMIN_ACCOUNT, ...DIDS, user_level: '7', view_reports: '1' }),
        nonAgentAccount('6693', { ...ADMIN_ACCOUNT, ...DIDS, user_group: 'AGENTS' }),
        nonAgentAccount('6694', { ...ADMIN_ACCOUNT, ...DIDS }),
      ],
      {
        callMenus: [{ id: 'MAINMENU', name: 'Main menu', prompt: 'sip-silence' }],
      },
    ),
  },
});

const call = (fn: string, query: string, user = '6690') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);
const didOf = (pattern: string) => gateway().core.getDid(pattern);

describe('add_did', () => {
  test.each(['6692', '6675', '6667'])('below level 8, without modify_inbound_dids or without API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await call('add_did', 'did_pattern=3125550300', user), `ERROR: add_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |${user}|0\n`);
  });

  test.each([
    ['', ''],
    ['did_pattern=3', '3'],
    [`did_pattern=${'9'.repeat(51)}`, '9'.repeat(51)],
    ['did_pattern=%2D!', ''],
  ])('a pattern shorter than 2 or longer than 50 (%s): required fields', async (query, echo) => {
    expectVicidialAnswer(await call('add_did', query), `ERROR: add_did YOU MUST USE ALL REQUIRED FIELDS: |6690|${echo}\n`);
  });

  test('a pattern in use: DID ALREADY EXISTS', async () => {
    expectVicidialAnswer(await call('add_did', 'did_pattern=2125550100'), 'ERROR: add_did DID ALREADY EXISTS: |6690|2125550100\n');
  });

  test.each([
    ['did_description=short', 'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS', 'short'],
    [`did_description=${'d'.repeat(51)}`, 'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS', 'd'.repeat(51)],
    ['active=X', 'ACTIVE MUST BE Y OR N', 'X'],
    ['did_route=QUEUE', 'DID ROUTE IS NOT VALID', 'QUEUE'],
    ['record_call=YES', 'RECORD CALL MUST BE Y OR N', 'YES'],
    [`extension=${'1'.repeat(51)}`, 'EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', '1'.repeat(51)],
    [`exten_context=${'c'.repeat(51)}`, 'EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS', 'c'.repeat(51)],
    [`voicemail_ext=${'8'.repeat(11)}`, 'VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS', '8'.repeat(11)],
    [`phone_extension=${'7'.repeat(101)}`, 'PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS', '7'.repeat(101)],
    ['server_ip=10.0.0.99', 'SERVER IP MUST BE A VALID SERVER IN THE SYSTEM', '10.0.0.99'],
    ['group=NO_SUCH_GROUP', 'GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM', 'NO_SUCH_GROUP'],
    [`filter_clean_cid_number=${'5'.repeat(21)}`, 'CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS', '5'.repeat(21)],
    ['call_handle_method=CI', 'CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS', 'CI'],
    ['agent_search_method=LBX', 'AGENT SEARCH METHOD MUST BE 2 CHARACTERS', 'LBX'],
    ['list_id=99', 'LIST ID MUST BE FROM 3 TO 14 DIGITS', '99'],
    [`entry_list_id=${'1'.repeat(15)}`, 'ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS', '1'.repeat(15)],
    ['campaign_id=TOOLONGID', 'CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS', 'TOOLONGID'],
    [`phone_code=${'4'.repeat(11)}`, 'PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS', '4'.repeat(11)],
  ])('an optional field out of its bounds (%s): its line, nothing added', async (query, reason, echo) => {
    expectVicidialAnswer(await call('add_did', `did_pattern=3125550399&${query}`), `ERROR: add_did ${reason}, THIS IS AN OPTIONAL FIELD: |6690|${echo}\n`);
    expect(await didOf('3125550399')).toBeNull();
  });

  test('a call menu that does not exist: VICIdial words it as update_did', async () => {
    expectVicidialAnswer(
      await call('add_did', 'did_pattern=3125550399&menu_id=NOMENU'),
      'ERROR: update_did MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM, THIS IS AN OPTIONAL FIELD: |6690|NOMENU\n',
    );
  });

  test('the first field refused is the one answered, in VICIdial’s order', async () => {
    expectVicidialAnswer(await call('add_did', 'did_pattern=3125550399&phone_code=12345678901&active=X'), 'ERROR: add_did ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6690|X\n');
  });

  test('SUCCESS with the pattern alone: VICIdial’s defaults', async () => {
    expectVicidialAnswer(await call('add_did', 'did_pattern=3125550300'), 'SUCCESS: add_did DID HAS BEEN ADDED - 6690|3125550300\n');
    expect(await didOf('3125550300')).toEqual({
      id: expect.any(Number),
      pattern: '3125550300',
      description: '',
      active: true,
      route: 'EXTEN',
      queueName: null,
      extension: '9998811112',
      extenContext: 'default',
      voicemailExt: '',
      phone: '',
      serverIp: '',
      menuId: '',
      filterCleanCidNumber: '',
      callHandleMethod: 'CID',
      agentSearchMethod: 'LB',
      listId: '999',
      entryListId: '0',
      campaignId: '',
      phoneCode: '1',
      recordCall: 'N',
      userGroup: '---ALL---',
      agentUser: '',
      agentUnavailableAction: 'VOICEMAIL',
      agentRouteQueue: 'AGENTDIRECT',
    });
  });

  test('SUCCESS with every field, filtered as VICIdial filters them', async () => {
    const query = [
      'did_pattern=_1312555*%23',
      'did_description=Sales+line,+main.',
      'active=N',
      'did_route=IN_GROUP',
      'record_call=Y_QUEUESTOP',
      'extension=8300@default',
      'exten_context=from-trunk',
      'voicemail_ext=8500',
      'phone_extension=1000',
      'server_ip=10.10.10.15',
      'group=TEST_IN',
      'menu_id=MAINMENU',
      'filter_clean_cid_number=R10',
      'call_handle_method=CIDLOOKUP',
      'agent_search_method=LO',
      'list_id=101',
      'entry_list_id=102',
      'campaign_id=TESTCAMP',
      'phone_code=44',
    ].join('&');
    expectVicidialAnswer(await call('add_did', query, '6691'), 'SUCCESS: add_did DID HAS BEEN ADDED - 6691|_1312555*#\n');
    expect(await didOf('_1312555*#')).toMatchObject({
      description: 'Sales line, main.',
      active: false,
      route: 'IN_GROUP',
      recordCall: 'Y_QUEUESTOP',
      extension: '8300@default',
      extenContext: 'from-trunk',
      voicemailExt: '8500',
      phone: '1000',
      serverIp: '10.10.10.15',
      queueName: 'TEST_IN',
      menuId: 'MAINMENU',
      filterCleanCidNumber: 'R10',
      callHandleMethod: 'CIDLOOKUP',
      agentSearchMethod: 'LO',
      listId: '101',
      entryListId: '102',
      campaignId: 'TESTCAMP',
      phoneCode: '44',
    });
  });
});

describe('copy_did', () => {
  beforeAll(async () => {
    expectVicidialAnswer(
      await call('add_did', 'did_pattern=3125550400&did_description=Copy+source&did_route=IN_GROUP&group=TEST_IN2&phone_code=44'),
      'SUCCESS: add_did DID HAS BEEN ADDED - 6690|3125550400\n',
    );
  });

  test.each(['6692', '6675'])('below level 8 or without modify_inbound_dids (%s): no permission', async (user) => {
    expectVicidialAnswer(await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550401', user), `ERROR: copy_did USER DOES NOT HAVE PERMISSION TO ADD DIDS: |${user}|0\n`);
  });

  test.each([
    ['new_dids=3125550401', '|6690||3125550401'],
    ['source_did_pattern=3125550400&new_dids=3', '|6690|3125550400|3'],
    [`source_did_pattern=3125550400&new_dids=${'1'.repeat(2001)}`, `|6690|3125550400|${'1'.repeat(2001)}`],
  ])('a source or list out of bounds (%s): required fields', async (query, echo) => {
    expectVicidialAnswer(await call('copy_did', query), `ERROR: copy_did YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
  });

  test('a source that does not exist: SOURCE DID DOES NOT EXIST', async () => {
    expectVicidialAnswer(await call('copy_did', 'source_did_pattern=3125559999&new_dids=3125550401'), 'ERROR: copy_did SOURCE DID DOES NOT EXIST: |6690|3125559999\n');
  });

  test('a source of a group the caller may not see: SOURCE DID DOES NOT EXIST', async () => {
    await gateway().core.updateDid({ pattern: '3125550400', changes: { userGroup: 'ADMIN' } });
    try {
      expectVicidialAnswer(await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550401', '6693'), 'ERROR: copy_did SOURCE DID DOES NOT EXIST: |6693|3125550400\n');
    } finally {
      await gateway().core.updateDid({ pattern: '3125550400', changes: { userGroup: '---ALL---' } });
    }
  });

  test('copies each new number: a NOTICE line per number, then SUCCESS with the counts; the copies have the source’s settings', async () => {
    const answer = await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550401,2125550100,3125550402');
    const first = await didOf('3125550401');
    const second = await didOf('3125550402');
    expectVicidialAnswer(
      answer,
      [
        `NOTICE: copy_did DID HAS BEEN ADDED - 6690|3125550401|3125550400|${first!.id}|1`,
        'NOTICE: copy_did DID ALREADY EXISTS - 6690|2125550100',
        `NOTICE: copy_did DID HAS BEEN ADDED - 6690|3125550402|3125550400|${second!.id}|1`,
        'SUCCESS: copy_did DIDS HAVE BEEN ADDED - 6690|3125550400|2|1',
        '',
      ].join('\n'),
    );
    const { id: _source, pattern: _pattern, ...settings } = (await didOf('3125550400'))!;
    expect(first).toEqual({ ...settings, id: first!.id, pattern: '3125550401' });
    expect(settings).toMatchObject({ description: 'Copy source', route: 'IN_GROUP', queueName: 'TEST_IN2', phoneCode: '44' });
  });

  test('a description given replaces the source’s', async () => {
    const answer = await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550403&did_description=Copied+line');
    expect(answer.text).toMatch(/^NOTICE: copy_did DID HAS BEEN ADDED - 6690\|3125550403\|3125550400\|\d+\|1\nSUCCESS: copy_did DIDS HAVE BEEN ADDED - 6690\|3125550400\|1\|0\n$/);
    expect(await didOf('3125550403')).toMatchObject({ description: 'Copied line', queueName: 'TEST_IN2' });
  });

  test('a description of the wrong length ends the request at the first copy, after the lines printed until then', async () => {
    expectVicidialAnswer(
      await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550401,3125550404&did_description=short'),
      [
        'NOTICE: copy_did DID ALREADY EXISTS - 6690|3125550401',
        'ERROR: copy_did DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6690|short',
        '',
      ].join('\n'),
    );
    expect(await didOf('3125550404')).toBeNull();
  });

  test('every new number taken: NO DIDS ADDED', async () => {
    expectVicidialAnswer(
      await call('copy_did', 'source_did_pattern=3125550400&new_dids=3125550401,3125550402'),
      ['NOTICE: copy_did DID ALREADY EXISTS - 6690|3125550401', 'NOTICE: copy_did DID ALREADY EXISTS - 6690|3125550402', 'ERROR: copy_did NO DIDS ADDED - 6690|3125550400|0|2', ''].join('\n'),
    );
  });
});

describe('update_did', () => {
  beforeAll(async () => {
    expectVicidialAnswer(await call('add_did', 'did_pattern=3125550500&did_description=Before+update'), 'SUCCESS: add_did DID HAS BEEN ADDED - 6690|3125550500\n');
  });

  test.each(['6692', '6675'])('below level 8 or without modify_inbound_dids (%s): no permission', async (user) => {
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500&active=N', user), `ERROR: update_did USER DOES NOT HAVE PERMISSION TO UPDATE DIDS: |${user}|0\n`);
  });

  test.each([
    ['active=N', ''],
    [`did_pattern=${'1'.repeat(51)}`, '1'.repeat(51)],
  ])('a pattern out of bounds (%s): required fields', async (query, echo) => {
    expectVicidialAnswer(await call('update_did', query), `ERROR: update_did YOU MUST USE ALL REQUIRED FIELDS: |6690|${echo}\n`);
  });

  test('a DID that does not exist, or of a group the caller may not see: DID DOES NOT EXIST', async () => {
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125559999&active=N'), 'ERROR: update_did DID DOES NOT EXIST: |6690|3125559999\n');
    await gateway().core.updateDid({ pattern: '3125550500', changes: { userGroup: 'ADMIN' } });
    try {
      expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500&active=N', '6693'), 'ERROR: update_did DID DOES NOT EXIST: |6693|3125550500\n');
    } finally {
      await gateway().core.updateDid({ pattern: '3125550500', changes: { userGroup: '---ALL---' } });
    }
  });

  test.each([
    ['did_description=short', 'DID DESCRIPTION MUST BE FROM 6 TO 50 CHARACTERS', 'short'],
    ['active=YES', 'ACTIVE MUST BE Y OR N', 'YES'],
    ['did_route=DID', 'DID ROUTE IS NOT VALID', 'DID'],
    ['record_call=X', 'RECORD CALL MUST BE Y OR N', 'X'],
    [`extension=${'1'.repeat(51)}`, 'EXTENSION MUST BE FROM 1 TO 50 CHARACTERS', '1'.repeat(51)],
    [`exten_context=${'c'.repeat(51)}`, 'EXTENSION CONTEXT MUST BE FROM 1 TO 50 CHARACTERS', 'c'.repeat(51)],
    [`voicemail_ext=${'8'.repeat(11)}`, 'VOICEMAIL EXTENSION MUST BE FROM 1 TO 10 CHARACTERS', '8'.repeat(11)],
    [`phone_extension=${'7'.repeat(101)}`, 'PHONE EXTENSION MUST BE FROM 1 TO 100 CHARACTERS', '7'.repeat(101)],
    ['server_ip=10.0.0.99', 'SERVER IP MUST BE A VALID SERVER IN THE SYSTEM', '10.0.0.99'],
    ['group=FAKE_IN', 'GROUP ID MUST BE A VALID INBOUND GROUP IN THE SYSTEM', 'FAKE_IN'],
    ['menu_id=NOMENU', 'MENU ID MUST BE A VALID CALL MENU IN THE SYSTEM', 'NOMENU'],
    [`filter_clean_cid_number=${'5'.repeat(21)}`, 'CLEAN CID NUMBER MUST BE FROM 1 TO 20 CHARACTERS', '5'.repeat(21)],
    ['call_handle_method=AB', 'CALL HANDLE METHOD MUST BE FROM 3 TO 20 CHARACTERS', 'AB'],
    ['agent_search_method=L', 'AGENT SEARCH METHOD MUST BE 2 CHARACTERS', 'L'],
    [`list_id=${'1'.repeat(15)}`, 'LIST ID MUST BE FROM 3 TO 14 DIGITS', '1'.repeat(15)],
    [`entry_list_id=${'1'.repeat(15)}`, 'ENTRY LIST ID MUST BE FROM 1 TO 14 DIGITS', '1'.repeat(15)],
    ['campaign_id=TOOLONGID', 'CAMPAIGN MUST BE FROM 1 TO 8 CHARACTERS', 'TOOLONGID'],
    [`phone_code=${'4'.repeat(11)}`, 'PHONE CODE MUST BE FROM 1 TO 10 CHARACTERS', '4'.repeat(11)],
  ])('an optional field out of its bounds (%s): its line, nothing changed', async (query, reason, echo) => {
    expectVicidialAnswer(await call('update_did', `did_pattern=3125550500&${query}`), `ERROR: update_did ${reason}, THIS IS AN OPTIONAL FIELD: |6690|${echo}\n`);
    expect(await didOf('3125550500')).toMatchObject({ description: 'Before update', active: true, route: 'EXTEN' });
  });

  test('nothing to change: NOTICE NO UPDATES DEFINED', async () => {
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500'), 'NOTICE: update_did NO UPDATES DEFINED: |6690|\n');
  });

  test('SUCCESS: the fields given change, the others stay', async () => {
    expectVicidialAnswer(
      await call('update_did', 'did_pattern=3125550500&did_route=IN_GROUP&group=SALESLINE&active=N&menu_id=MAINMENU', '6691'),
      'SUCCESS: update_did DID HAS BEEN UPDATED - 6691|3125550500\n',
    );
    expect(await didOf('3125550500')).toMatchObject({ description: 'Before update', route: 'IN_GROUP', queueName: 'SALESLINE', active: false, menuId: 'MAINMENU', phoneCode: '1' });
  });

  test('delete_did=Y without delete_inbound_dids: no permission to delete, the DID stays', async () => {
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500&delete_did=Y', '6691'), 'ERROR: update_did USER DOES NOT HAVE PERMISSION TO DELETE DIDS: |6691|1\n');
    expect(await didOf('3125550500')).not.toBeNull();
  });

  test('delete_did=Y: DID HAS BEEN DELETED with its id, settings given alongside are not checked', async () => {
    const { id } = (await didOf('3125550500'))!;
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500&delete_did=Y&active=X'), `SUCCESS: update_did DID HAS BEEN DELETED - 6690|3125550500|${id}\n`);
    expect(await didOf('3125550500')).toBeNull();
    expectVicidialAnswer(await call('update_did', 'did_pattern=3125550500&delete_did=Y'), 'ERROR: update_did DID DOES NOT EXIST: |6690|3125550500\n');
  });
});

describe('did_log_export refusals', () => {
  test.each(['6694', '6675'])('without view_reports (%s): no permission', async (user) => {
    expectVicidialAnswer(await call('did_log_export', 'phone_number=2125550100&date=2026-01-01', user), `ERROR: did_log_export USER DOES NOT HAVE PERMISSION TO GET DID INFO: |${user}|0|\n`);
  });

  test.each([
    ['date=2026-01-01', '|2026-01-01'],
    ['phone_number=2125550100', '2125550100|'],
    ['phone_number=2125550100&date=2026-1-1', '2125550100|2026-1-1'],
    [`phone_number=${'1'.repeat(21)}&date=2026-01-01`, `${'1'.repeat(21)}|2026-01-01`],
  ])('a number of 1 to 20 digits and a day are needed (%s)', async (query, echo) => {
    expectVicidialAnswer(await call('did_log_export', query), `ERROR: did_log_export INVALID SEARCH PARAMETERS: 6690|${echo}\n`);
  });

  test('no call that day: NO RECORDS FOUND, with agent_user and lead_id as sent', async () => {
    expectVicidialAnswer(
      await call('did_log_export', 'phone_number=2125550100&date=2001-01-01&agent_user=1000&lead_id=42'),
      'ERROR: did_log_export NO RECORDS FOUND - 6690|1000|42|2001-01-01\n',
    );
  });
});

describe('bad input', () => {
  const GARBAGE = [
    'did_pattern=%00%FF%FE&did_description=%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9%C3%A9&active=%00',
    `did_pattern=${'%FF'.repeat(60)}&source_did_pattern=%27%20OR%201%3D1&new_dids=${'%2C'.repeat(40)}`,
    'did_pattern=3125550777&group=%27%20OR%201%3D1&menu_id=%FF%FE&server_ip=%00%00&list_id=abc&entry_list_id=-1',
    'did_pattern=3125550778&did_route=%C3%A9&record_call=%00&delete_did=%C3%A9&extension=%3B%23%27%22',
    'source_did_pattern=2125550100&new_dids=%C3%A9%C3%A9,%00%00,9999999999999999999999999999999999999999999999999999&did_description=%FF%FF%FF%FF%FF%FF%FF',
    'phone_number=%00%FF&date=9999-99-99&stage=%FF%FE&header=YES&agent_user=%C3%A9&lead_id=99999999999999999999999',
    'phone_number=2125550100&date=2026-02-31&stage=tab&header=%00',
    'did_pattern[]=3125550779&group[]=TEST_IN&phone_number[]=1&date[]=2026-01-01',
  ];

  test.each(['add_did', 'copy_did', 'update_did', 'did_log_export'])('%s: every kind of bad input gets one of its own lines', async (fn) => {
    for (const query of GARBAGE) {
      const response = await call(fn, query);
      const seen = `${query} => ${response.status} ${response.text}`;
      expect(seen).toMatch(new RegExp(`^\\S+ => 200 ((ERROR|NOTICE|SUCCESS): (${fn}|update_did) )`));
      expect(seen).not.toContain('service unavailable');
    }
  });
});

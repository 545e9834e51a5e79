import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent moh_list, container_list, callmenu_list and vm_list: every
// response line of their chooser pages, over the demo's queues (class
// `default`), two queues of classes of their own, settings containers of
// two types and three owners, call menus of three owners, and voicemail
// boxes of three owners, one inactive, and phones of three owners, one
// inactive.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      queues: [...(NON_AGENT_PROVISIONING.queues ?? []), { name: 'JAZZ_IN', strategy: 'ringall', mohClass: 'jazz' }, { name: 'CALM_IN', strategy: 'ringall', mohClass: 'calm' }],
      settingsContainers: [
        { id: 'AGENTONLY', type: 'OTHER', notes: 'For agents', userGroup: 'AGENTS' },
        { id: 'ABC', type: 'OTHER', notes: 'Every group' },
        { id: 'ADMINONLY', type: 'OTHER', notes: 'Admins', userGroup: 'ADMIN' },
        { id: 'REMIND', type: 'AGENT_CALLBACK_REMINDER', notes: 'Reminders' },
      ],
      callMenus: [
        { id: 'SUPPORT_IVR', name: 'Support line', prompt: 'support-menu', userGroup: 'AGENTS' },
        { id: 'ADMIN_IVR', name: 'Admin line', userGroup: 'ADMIN' },
        { id: 'MAIN_IVR', name: 'Main menu' },
      ],
      voicemailBoxes: [
        { id: '8502', fullName: 'Agents box', email: 'agents@example.com', userGroup: 'AGENTS' },
        { id: '8501', fullName: 'Admin box', userGroup: 'ADMIN' },
        { id: '8500', fullName: 'Main box', email: 'main@example.com' },
        { id: '8503', fullName: 'Old box', active: false },
      ],
      phones: [
        { extension: 'cc300', serverIp: '10.10.10.15', login: 'cc300', pass: 'pw', registrationPassword: 'rp300', voicemailId: '9300', fullName: 'Admin desk', userGroup: 'ADMIN' },
        { extension: 'cc200', serverIp: '10.10.10.15', login: 'cc200', pass: 'pw', registrationPassword: 'rp200', voicemailId: '9400', fullName: 'Agents desk', email: 'desk@example.com', userGroup: 'AGENTS' },
        { extension: 'cc100', serverIp: '10.10.10.15', login: 'cc100', pass: 'pw', registrationPassword: 'rp100', voicemailId: '9200', fullName: 'Lobby' },
        { extension: 'cc400', serverIp: '10.10.10.15', login: 'cc400', pass: 'pw', registrationPassword: 'rp400', voicemailId: '9100', fullName: 'Gone', active: false },
      ],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&${query}`);

/** The page's bytes before the table's rows, as VICIdial 2.14 prints them (an empty first line, then the chooser's script). */
const PAGE_HEAD = `
<HTML><head><title>NON-AGENT API</title>
<script language="Javascript">
function choose_file(filename,fieldname)
\t{
\tif (filename.length > 0)
\t\t{
\t\tparent.document.getElementById(fieldname).value = filename;
\t\tdocument.getElementById("selectframe").innerHTML = '';
\t\tdocument.getElementById("selectframe").style.visibility = 'hidden';
\t\tparent.close_chooser();
\t\t}
\t}
function close_file()
\t{
\tdocument.getElementById("selectframe").innerHTML = '';
\tdocument.getElementById("selectframe").style.visibility = 'hidden';
\tparent.close_chooser();
\t}
</script>
</head>

<body>
<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>
<div id='selectframe' style="height:400px;width:710px;overflow:scroll;">
<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>
<td width=30>#</td>`;

/** Each row's grey, by row number, as VICIdial 2.14 prints them: odd rows the darker. */
const ROW_COLOUR: Readonly<Record<number, string>> = { 1: '#E6E6E6', 2: '#F6F6F6', 3: '#E6E6E6' };

describe('sounds_list', () => {
  test('no sounds directory configured: VICIdial without central sound control', async () => {
    expectVicidialAnswer(await api('function=sounds_list&format=tab&stage=name'), 'ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |6666|0|\n');
  });
});

describe('moh_list', () => {
  test('no API access: no permission, in sounds_list words as VICIdial answers', async () => {
    expectVicidialAnswer(await api('function=moh_list', '6667'), 'ERROR: sounds_list USER DOES NOT HAVE PERMISSION TO VIEW SOUNDS LIST: |6667|0|\n');
  });

  test("the classes the gateway plays, by name, each with its files line, filling the field named by comments", async () => {
    const mohClass = (number: number, name: string) => {
      const colour = `bgcolor="${ROW_COLOUR[number]}"`;
      return [
        `<tr ${colour}><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
        `<td colspan=2><a href="javascript:choose_file('${name}','moh_field');"><font size=2 face="Arial,Helvetica">${name}</a></td>`,
        `<td><font size=2 face="Arial,Helvetica">${name}</td>`,
        '<td><font size=2 face="Arial,Helvetica">N</td></tr>',
        `<tr ${colour}><td colspan=2 width=100><font size=1 face="Arial,Helvetica">&nbsp;</td>`,
        '<td colspan=3 width=590><font size=2 face="Arial,Helvetica">Files: </font><font size=1 face="Arial,Helvetica"></td></tr>',
      ];
    };
    expectVicidialAnswer(
      await api('function=moh_list&format=selectframe&comments=moh_field'),
      [
        PAGE_HEAD,
        '<td colspan=2>Music On Hold Class</td>',
        '<td>Name</td>',
        '<td>Random</td>',
        '</tr>',
        ...mohClass(1, 'calm'),
        ...mohClass(2, 'default'),
        ...mohClass(3, 'jazz'),
        '</table></div></body></HTML>',
        '',
      ].join('\n'),
    );
  });
});

describe('container_list', () => {
  const container = (number: number, id: string, notes: string) => [
    `<tr bgcolor="${ROW_COLOUR[number]}"><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
    `<td colspan=2><a href="javascript:choose_file('${id}','container_field');"><font size=2 face="Arial,Helvetica">${id}</a></td>`,
    `<td><font size=2 face="Arial,Helvetica">${notes}</td></tr>`,
  ];
  const page = (type: string, rows: string[]) =>
    [PAGE_HEAD, `<td colspan=2>Settings Containers: <br>${type} type</td>`, '<td>Container Notes</td>', '</tr>', ...rows, '</table></div></body></HTML>', ''].join('\n');

  test('no API access: no permission, in call menu words as VICIdial answers', async () => {
    expectVicidialAnswer(await api('function=container_list&type=OTHER', '6667'), 'ERROR: container_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST: |6667|0|\n');
  });

  test('no type', async () => {
    expectVicidialAnswer(await api('function=container_list&comments=container_field'), 'ERROR: container_list NO CONTAINER TYPE DEFINED: |6666||\n');
  });

  test("the type's containers by id, filling the field named by comments", async () => {
    expectVicidialAnswer(
      await api('function=container_list&type=OTHER&comments=container_field'),
      page('OTHER', [...container(1, 'ABC', 'Every group'), ...container(2, 'ADMINONLY', 'Admins'), ...container(3, 'AGENTONLY', 'For agents')]),
    );
    expectVicidialAnswer(await api('function=container_list&type=AGENT_CALLBACK_REMINDER&comments=container_field'), page('AGENT_CALLBACK_REMINDER', container(1, 'REMIND', 'Reminders')));
  });

  test("a caller whose group sees only its own: those of its groups and of every group", async () => {
    expectVicidialAnswer(
      await api('function=container_list&type=OTHER&comments=container_field', '6676'),
      page('OTHER', [...container(1, 'ABC', 'Every group'), ...container(2, 'AGENTONLY', 'For agents')]),
    );
  });

  test('a type without containers: the page without rows', async () => {
    expectVicidialAnswer(await api('function=container_list&type=NONE&comments=container_field'), page('NONE', []));
  });
});

describe('callmenu_list', () => {
  const menu = (number: number, id: string, name: string) => [
    `<tr bgcolor="${ROW_COLOUR[number]}"><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
    `<td colspan=2><a href="javascript:choose_file('${id}','menu_field');"><font size=2 face="Arial,Helvetica">${id}</a></td>`,
    `<td><font size=2 face="Arial,Helvetica">${name}</td></tr>`,
  ];
  const page = (rows: string[]) => [PAGE_HEAD, '<td colspan=2>Call Menus</td>', '<td>Name</td>', '</tr>', ...rows, '</table></div></body></HTML>', ''].join('\n');

  test('no API access: no permission', async () => {
    expectVicidialAnswer(await api('function=callmenu_list', '6667'), 'ERROR: callmenu_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST: |6667|0|\n');
  });

  test('the call menus by id, filling the field named by comments', async () => {
    expectVicidialAnswer(
      await api('function=callmenu_list&format=selectframe&comments=menu_field'),
      page([...menu(1, 'ADMIN_IVR', 'Admin line'), ...menu(2, 'MAIN_IVR', 'Main menu'), ...menu(3, 'SUPPORT_IVR', 'Support line')]),
    );
  });

  test("a caller whose group sees only its own: those of its groups and of every group", async () => {
    expectVicidialAnswer(await api('function=callmenu_list&comments=menu_field', '6676'), page([...menu(1, 'MAIN_IVR', 'Main menu'), ...menu(2, 'SUPPORT_IVR', 'Support line')]));
  });
});

describe('vm_list', () => {
  const box = (number: number, id: string, name: string, email: string) => [
    `<tr bgcolor="${ROW_COLOUR[number]}"><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
    `<td colspan=2><a href="javascript:choose_file('${id}','vm_field');"><font size=2 face="Arial,Helvetica">${id}</a></td>`,
    `<td><font size=2 face="Arial,Helvetica">${name}</td>`,
    `<td><font size=2 face="Arial,Helvetica">${email}</td></tr>`,
  ];
  const page = (rows: string[]) => [PAGE_HEAD, '<td colspan=2>Voicemail Boxes</td>', '<td>Name</td>', '<td>Email</td>', '</tr>', ...rows, '</table></div></body></HTML>', ''].join('\n');

  test('no API access: no permission', async () => {
    expectVicidialAnswer(await api('function=vm_list', '6667'), 'ERROR: vm_list USER DOES NOT HAVE PERMISSION TO VIEW VOICEMAIL BOXES LIST: |6667|0|\n');
  });

  const boxes = [...box(1, '8500', 'Main box', 'main@example.com'), ...box(2, '8501', 'Admin box', ''), ...box(3, '8502', 'Agents box', 'agents@example.com')];

  test('the active boxes by id, then the active phones\' boxes by voicemail id, numbered again from 1', async () => {
    expectVicidialAnswer(
      await api('function=vm_list&format=selectframe&comments=vm_field'),
      page([...boxes, ...box(1, '9200', 'cc100 - Lobby', ''), ...box(2, '9300', 'cc300 - Admin desk', ''), ...box(3, '9400', 'cc200 - Agents desk', 'desk@example.com')]),
    );
  });

  test("a caller whose group sees only its own: those of its groups and of every group", async () => {
    expectVicidialAnswer(
      await api('function=vm_list&comments=vm_field', '6676'),
      page([...box(1, '8500', 'Main box', 'main@example.com'), ...box(2, '8502', 'Agents box', 'agents@example.com'), ...box(1, '9200', 'cc100 - Lobby', ''), ...box(2, '9400', 'cc200 - Agents desk', 'desk@example.com')]),
    );
  });

  test('a phone added through the API is listed; one made inactive is not', async () => {
    expect((await api(`function=add_phone&extension=cc500&dialplan_number=500&voicemail_id=9050&phone_login=cc500&phone_pass=pw&server_ip=10.10.10.15&protocol=SIP&registration_password=rp500&phone_full_name=New&local_gmt=0.00&outbound_cid=7275551212`)).text).toBe(
      'SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|cc500|10.10.10.15|SIP|500\n',
    );
    expect((await api('function=update_phone&extension=cc100&server_ip=10.10.10.15&active=N')).text).toBe('SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|cc100|10.10.10.15|\n');
    expectVicidialAnswer(
      await api('function=vm_list&comments=vm_field'),
      page([...boxes, ...box(1, '9050', 'cc500 - New', ''), ...box(2, '9300', 'cc300 - Admin desk', ''), ...box(3, '9400', 'cc200 - Agents desk', 'desk@example.com')]),
    );
  });
});

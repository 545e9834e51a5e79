import { ADMIN_ACCOUNT, NON_AGENT_PROVISIONING, nonAgentAccount, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent agent_campaigns, agent_ingroup_info and ingroup_list: every
// response line, over an inbound campaign INCAMP offering the demo's
// in-groups (and one that does not exist), agents of a group allowed
// INCAMP and TESTCAMP (1008 logged in to INCAMP taking TEST_IN calls, 1009
// logged in to the manual TESTCAMP), an agent whose group allows nothing
// (1010), an account that may change in-groups but not users (6680) and
// one of a group that sees only its own agents (6681).

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      [
        nonAgentAccount('6680', { ...ADMIN_ACCOUNT, change_agent_campaign: '1', view_reports: '1' }),
        nonAgentAccount('6681', { ...ADMIN_ACCOUNT, user_group: 'AGENTS', modify_users: '1', view_reports: '1' }),
      ],
      {
        userGroups: [
          { id: 'INBOUND', name: 'Inbound agents', allowedCampaigns: ['INCAMP', 'TESTCAMP', 'OFFCAMP'] },
          { id: 'NOTHING', name: 'No campaigns', allowedCampaigns: [] },
        ],
        campaigns: [
          ...(NON_AGENT_PROVISIONING.campaigns ?? []),
          { id: 'INCAMP', name: 'Inbound campaign', dialMethod: 'RATIO', allowInbound: true, settings: { closer_campaigns: ' TEST_IN2 TEST_IN AGENTDIRECT FAKE_IN -' } },
          { id: 'OFFCAMP', name: 'Inactive campaign', active: false, settings: { closer_campaigns: ' SALESLINE -' } },
        ],
        agents: [
          ...(NON_AGENT_PROVISIONING.agents ?? []),
          { id: '1008', name: 'Agent Eight', device: 'PJSIP/1008', attributes: { user_group: 'INBOUND', user_level: '1' } },
          { id: '1009', name: 'Agent Nine', device: 'PJSIP/1009', attributes: { user_group: 'INBOUND', user_level: '1' } },
          { id: '1010', name: 'Agent Ten', device: 'PJSIP/1010', attributes: { user_group: 'NOTHING', user_level: '1' } },
        ],
        sessions: [
          ...(NON_AGENT_PROVISIONING.sessions ?? []),
          { agentId: '1008', via: 'vicidial', campaignId: 'INCAMP', queues: ['TEST_IN'], blended: true },
          { agentId: '1009', via: 'vicidial', campaignId: 'TESTCAMP', blended: false },
        ],
      },
    ),
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&${query}`);

describe('agent_campaigns', () => {
  const campaigns = (query: string, user = '6666') => api(`function=agent_campaigns&${query}`, user);

  test.each(['6675', '6667', '6680'])('without view_reports and modify_users, level 8 or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await campaigns('agent_user=1008', user), `ERROR: agent_campaigns USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |${user}|0|\n`);
  });

  test('an agent that does not exist, none given, or one of a group the caller may not see', async () => {
    expectVicidialAnswer(await campaigns('agent_user=4321'), 'ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|4321\n');
    expectVicidialAnswer(await campaigns(''), 'ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6666|\n');
    expectVicidialAnswer(await campaigns('agent_user=1008', '6681'), 'ERROR: agent_campaigns AGENT USER DOES NOT EXIST: |6681|1008\n');
  });

  test("the agent's group's active campaigns and the active in-groups they offer, by id", async () => {
    expectVicidialAnswer(await campaigns('agent_user=1008'), '1008|INCAMP-TESTCAMP|AGENTDIRECT-TEST_IN-TEST_IN2\n');
  });

  test('one campaign; ignore_agentdirect=Y; csv and tab with header=YES', async () => {
    expectVicidialAnswer(await campaigns('agent_user=1008&campaign_id=TESTCAMP&stage=csv&header=YES'), 'user,allowed_campaigns_list,allowed_ingroups_list\n1008,TESTCAMP,\n');
    expectVicidialAnswer(await campaigns('agent_user=1008&ignore_agentdirect=Y&stage=tab&header=YES'), 'user\tallowed_campaigns_list\tallowed_ingroups_list\n1008\tINCAMP-TESTCAMP\tTEST_IN-TEST_IN2\n');
  });

  test('no campaign available: the group allows none, or not the one asked (an inactive one counts as none)', async () => {
    expectVicidialAnswer(await campaigns('agent_user=1010&header=YES'), 'ERROR: agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS: 1010|6666|\n');
    expectVicidialAnswer(await campaigns('agent_user=1008&campaign_id=OFFCAMP'), 'ERROR: agent_campaigns THIS AGENT USER HAS NO AVAILABLE CAMPAIGNS: 1008|6666|\n');
  });
});

describe('agent_ingroup_info', () => {
  const info = (query: string, user = '6666') => api(`function=agent_ingroup_info&${query}`, user);
  const HEAD = (agent: string, name: string, campaign: string) => [
    '<TABLE WIDTH=680 CELLPADDING=0 CELLSPACING=5 BGCOLOR="#D9E6FE"><TR><TD ALIGN=LEFT>',
    `Agent: ${agent} - ${name} </TD><TD>`,
    ` &nbsp; Campaign: ${campaign}</TD><TD>`,
    '<a href="#" onclick="hide_ingroup_info();">Close</a></TD></TR><TR><TD COLSPAN=3 BGCOLOR="#CCCCFF">',
  ];

  test.each(['6671', '6667'])('level 6 or below, or no API access (%s): no permission', async (user) => {
    const response = await info('agent_user=1008', user);
    // 6671 (level 5) is refused at login already; 6667 has no API access.
    const expected = user === '6671' ? 'ERROR: Login incorrect, please try again: |6671||BAD|\n' : 'ERROR: agent_ingroup_info USER DOES NOT HAVE PERMISSION TO GET AGENT INFO: |6667|0|\n';
    expectVicidialAnswer(response, expected);
  });

  test('an agent that does not exist, one the caller may not see, or one not logged in: INVALID USER ID', async () => {
    expectVicidialAnswer(await info('agent_user=4321'), 'ERROR: agent_ingroup_info INVALID USER ID - 4321|6666\n');
    expectVicidialAnswer(await info('agent_user=1008', '6676'), 'ERROR: agent_ingroup_info INVALID USER ID - 1008|6676\n');
    expectVicidialAnswer(await info('agent_user=1007'), 'ERROR: agent_ingroup_info INVALID USER ID - 1007|6666\n');
  });

  test('stage=text: the selected in-groups and the blended flag, as lines', async () => {
    expectVicidialAnswer(
      await info('agent_user=1008&stage=text'),
      'SUCCESS:  - 1008|text\nSELECTED INGROUPS:  TEST_IN -\nOUTBOUND AUTODIAL: Y\nMANAGER OVERRIDE: N\nMANAGER: \n\n',
    );
    expectVicidialAnswer(await info('agent_user=1009&stage=text'), 'SUCCESS:  - 1009|text\nSELECTED INGROUPS:  -\nOUTBOUND AUTODIAL: N\nMANAGER OVERRIDE: N\nMANAGER: \n\n');
  });

  test("stage=info: the campaign's in-groups, the agent's marked", async () => {
    const body = [
      ...HEAD('1008', 'Agent Eight', 'INCAMP'),
      '<TABLE CELLPADDING=0 CELLSPACING=3 BORDER=0>',
      '<TR><TD>TEST_IN2</TD><TD>TEST_IN2</TD></TR>',
      '<TR><TD>TEST_IN *</TD><TD>TEST_IN</TD></TR>',
      '<TR><TD>AGENTDIRECT</TD><TD>AGENTDIRECT</TD></TR>',
      '<TR><TD>FAKE_IN</TD><TD></TD></TR>',
      '</TABLE><BR>',
      'SELECTED INGROUPS:  TEST_IN -<BR>',
      'OUTBOUND AUTODIAL: Y<BR>',
      'MANAGER OVERRIDE: N<BR>',
      'MANAGER: <BR>',
      '',
      '</TD></TR></TABLE>',
      '',
    ].join('\n');
    expectVicidialAnswer(await info('agent_user=1008&stage=info'), body);
    // change, for a caller who may not change in-groups, shows the same.
    expectVicidialAnswer(await info('agent_user=1008&stage=change', '6678'), body);
  });

  test('a campaign that takes no inbound calls offers none', async () => {
    expectVicidialAnswer(
      await info('agent_user=1009'),
      [
        ...HEAD('1009', 'Agent Nine', 'TESTCAMP'),
        '<TABLE CELLPADDING=0 CELLSPACING=3 BORDER=0>',
        '<TR><TD>No In-Groups Allowed</TD></TR>',
        '</TABLE><BR>',
        'SELECTED INGROUPS:  -<BR>',
        'OUTBOUND AUTODIAL: N<BR>',
        'MANAGER OVERRIDE: N<BR>',
        'MANAGER: <BR>',
        '',
        '</TD></TR></TABLE>',
        '',
      ].join('\n'),
    );
  });

  const changeForm = (options: string[], blended: string[], setAsDefault: string) => [
    '<TABLE CELLPADDING=0 CELLSPACING=3 BORDER=0>',
    '<TR><TD ALIGN=RIGHT VALIGN=TOP>Selected In-Groups: </TD><TD ALIGN=LEFT>',
    options[0] as string,
    '<SELECT SIZE=10 NAME=ingroup_new_selections ID=ingroup_new_selections multiple>',
    ...options.slice(1),
    '</SELECT><BR></TD></TR>',
    '<TR><TD ALIGN=RIGHT>Change, Add, Remove:',
    '</TD><TD ALIGN=LEFT>',
    '<SELECT SIZE=1 NAME=ingroup_add_remove_change ID=ingroup_add_remove_change>',
    '<option value="CHANGE">CHANGE - Set in-groups to those selected above</option>',
    '<option value="ADD">ADD - Add in-groups selected above to agent selected</option>',
    '<option value="REMOVE">REMOVE - Remove in-groups selected above from agent selected</option>',
    '</SELECT>',
    '</TD></TR>',
    '<TR><TD ALIGN=RIGHT>Blended Outbound Autodial:',
    '</TD><TD ALIGN=LEFT>',
    ...blended,
    '</SELECT>',
    '</TD></TR>',
    '<TR><TD ALIGN=RIGHT>Set As User Default:',
    '</TD><TD ALIGN=LEFT>',
    setAsDefault,
    '<option value="YES">Yes</option>',
    '<option value="NO" SELECTED>No</option>',
    '</SELECT>',
    '</TD></TR>',
  ];

  test('stage=change, for a caller who may change in-groups: the form', async () => {
    expectVicidialAnswer(
      await info('agent_user=1008&stage=change'),
      [
        ...HEAD('1008', 'Agent Eight', 'INCAMP'),
        ...changeForm(
          [
            '<INPUT TYPE=HIDDEN NAME=agent_user ID=agent_user value="1008">',
            '<option value="TEST_IN2">TEST_IN2 - TEST_IN2</option>',
            '<option value="TEST_IN" SELECTED>TEST_IN - TEST_IN</option>',
            '<option value="AGENTDIRECT">AGENTDIRECT - AGENTDIRECT</option>',
            '<option value="FAKE_IN">FAKE_IN - </option>',
          ],
          ['<SELECT SIZE=1 NAME=blended ID=blended>', '<option value="YES" SELECTED>Yes</option>', '<option value="NO">No</option>'],
          '<SELECT SIZE=1 NAME=set_as_default ID=set_as_default>',
        ),
        '<TR><TD ALIGN=CENTER COLSPAN=2>',
        '<INPUT TYPE=BUTTON NAME=SUBMIT ID=SUBMIT VALUE="Submit Changes" onclick="submit_ingroup_changes(\'1008\')">',
        '</TD></TR>',
        '</TABLE>',
        '</TD></TR></TABLE>',
        '',
      ].join('\n'),
    );
  });

  test('stage=change: a manual campaign disables blending, a caller without modify_users the default', async () => {
    expectVicidialAnswer(
      await info('agent_user=1009&stage=change', '6680'),
      [
        ...HEAD('1009', 'Agent Nine', 'TESTCAMP'),
        ...changeForm(
          ['<INPUT TYPE=HIDDEN NAME=agent_user ID=agent_user value="1009">', '<option value="">No In-Groups Allowed</option>'],
          ['<SELECT SIZE=1 NAME=blended ID=blended DISABLED>', '<option value="YES">Yes</option>', '<option value="NO" SELECTED>No</option>'],
          '<SELECT SIZE=1 NAME=set_as_default ID=set_as_default DISABLED>',
        ),
        '<TR><TD ALIGN=CENTER COLSPAN=2>',
        '<INPUT TYPE=BUTTON NAME=SUBMIT ID=SUBMIT VALUE="Submit Changes" onclick="submit_ingroup_changes(\'1009\')">',
        '</TD></TR>',
        '</TABLE>',
        '</TD></TR></TABLE>',
        '',
      ].join('\n'),
    );
  });
});

describe('ingroup_list', () => {
  test('no API access: no permission', async () => {
    expectVicidialAnswer(await api('function=ingroup_list', '6667'), 'ERROR: ingroup_list USER DOES NOT HAVE PERMISSION TO VIEW INBOUND GROUPS LIST: |6667|0|\n');
  });

  test("the active in-groups as the chooser page, filling the field named by comments", async () => {
    const row = (number: number, group: string) => [
      `<tr bgcolor="${number % 2 === 1 ? '#E6E6E6' : '#F6F6F6'}"><td width=30><font size=1 face="Arial,Helvetica">${number}</td>`,
      `<td colspan=2><a href="javascript:choose_file('${group}','ingroup_field');"><font size=2 face="Arial,Helvetica">${group}</a></td>`,
      `<td><font size=2 face="Arial,Helvetica">${group}</td>`,
      '<td bgcolor=""><font size=2 face="Arial,Helvetica"> &nbsp; &nbsp; &nbsp; &nbsp; </td></tr>',
    ];
    const response = await api('function=ingroup_list&comments=ingroup_field');
    expect(response.text.startsWith('\n<HTML><head><title>NON-AGENT API</title>\n<script language="Javascript">\n')).toBe(true);
    expect(response.text).toContain(
      [
        '<a href="javascript:close_file();"><font size=1 face="Arial,Helvetica">close frame</font></a>',
        '<div id=\'selectframe\' style="height:400px;width:710px;overflow:scroll;">',
        '<table border=0 cellpadding=1 cellspacing=2 width=690 bgcolor=white><tr>',
        '<td width=30>#</td>',
        '<td colspan=2>Inbound Groups</td>',
        '<td>Name</td>',
        '<td>Color</td>',
        '</tr>',
        ...row(1, 'AGENTDIRECT'),
        ...row(2, 'FrontaIT'),
        ...row(3, 'SALESLINE'),
        ...row(4, 'TEST_IN'),
        ...row(5, 'TEST_IN2'),
        '</table></div></body></HTML>\n',
      ].join('\n'),
    );
    expect(response.text.endsWith('</table></div></body></HTML>\n')).toBe(true);
  });
});

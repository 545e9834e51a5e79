import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent campaigns_list: every response line and export format, over the
// demo campaign TESTCAMP, the dialer's test campaigns and one with its
// VICIdial settings given.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      campaigns: [
        ...(NON_AGENT_PROVISIONING.campaigns ?? []),
        {
          id: 'SETCAMP',
          name: 'Settings campaign',
          active: false,
          dialMethod: 'RATIO',
          dialPrefix: '9',
          settings: { user_group: 'AGENTS', auto_dial_level: '2.5', lead_order: 'UP', dial_statuses: ' NEW NA -', dial_timeout: '30', manual_dial_prefix: '8', three_way_dial_prefix: '7' },
        },
      ],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=campaigns_list&user=${user}&pass=1234&${query}`);

const HEADER = 'campaign_id|campaign_name|active|user_group|dial_method|dial_level|lead_order|dial_statuses|dial_timeout|dial_prefix|manual_dial_prefix|three_way_dial_prefix';
const row = (id: string, name: string, dialMethod = 'MANUAL') => `${id}|${name}|Y|---ALL---|${dialMethod}|0|DOWN|NEW|60|||`;

test.each(['6675', '6667', '6679'])('without view_reports, level 8 or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('', user), `ERROR: campaigns_list USER DOES NOT HAVE PERMISSION TO GET CAMPAIGN INFO: |${user}|0|\n`);
});

test('every campaign, by id; the settings VICIdial keeps, else its defaults', async () => {
  expectVicidialAnswer(
    await api(''),
    [
      row('AUTOCAMP', 'AUTOCAMP', 'RATIO'),
      row('NOLIST', 'NOLIST'),
      row('OTHERDNC', 'OTHERDNC'),
      'SETCAMP|Settings campaign|N|AGENTS|RATIO|2.5|UP|NEW NA|30|9|8|7',
      row('TESTCAMP', 'Test campaign'),
      '',
    ].join('\n'),
  );
});

test('one campaign (campaign_id); csv and tab with header=YES', async () => {
  expectVicidialAnswer(await api('campaign_id=TESTCAMP&stage=csv&header=YES'), `${HEADER.replaceAll('|', ',')}\n${row('TESTCAMP', 'Test campaign').replaceAll('|', ',')}\n`);
  expectVicidialAnswer(await api('campaign_id=SETCAMP&stage=tab'), 'SETCAMP\tSettings campaign\tN\tAGENTS\tRATIO\t2.5\tUP\tNEW NA\t30\t9\t8\t7\n');
});

test("a caller's group sees its allowed campaigns only; none: NO VIEWABLE CAMPAIGNS", async () => {
  expectVicidialAnswer(await api('header=YES', '6676'), `${HEADER}\n${row('TESTCAMP', 'Test campaign')}\n`);
  expectVicidialAnswer(await api('campaign_id=AUTOCAMP', '6676'), 'ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: 6676|\n');
  expectVicidialAnswer(await api('campaign_id=NOPE&header=YES'), 'ERROR: campaigns_list THIS USER HAS NO VIEWABLE CAMPAIGNS: 6666|\n');
});

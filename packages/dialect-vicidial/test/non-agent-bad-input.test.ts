import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Bad input of every kind to the Non-Agent functions: each answers with a
// line of its own (never the gateway's "service unavailable", a 5xx or an
// empty page where a line is due).

const gateway = sharedGateway({
  overrides: { extraProvisioning: { ...NON_AGENT_PROVISIONING, leads: [{ id: 80, listId: 101, phoneNumber: '3125550080' }] } },
});

const GARBAGE = [
  'lead_id=99999999999999999999999&phone_number=%00%FF%FE',
  'lead_id=80&phone_number=,,,,,,&vendor_lead_code=%3B%23%27%22&records=99999999999999999999',
  'lead_id=80&callback=Y&campaign_id=TESTCAMP&callback_datetime=9999-99-99+99:99:99&callback_status=ABCDEFGHIJ&callback_type=%C3%A9',
  'agent_user=%C3%A9%C3%A9&agent_user_level=99999999999999999999&wrapup_seconds_override=-&hotkeys_active=99999999999999999999',
  'agent_user=1006&agent_user_level=abc&active=%00&email=%FF%FF%FF%FF%FF%FF',
  'phone_number=1234567890123456789012345678901234567890&campaign_id=%27%20OR%201%3D1',
  'campaign_id[]=TESTCAMP&stage[]=csv&header=YES&in_groups=%7C%7C%7C&list_id=-1&search_location=CAMPAIGNLIST',
  'call_id=%00%FF%FE'.padEnd(60, 'X') + '&detail=YES&list_id=99999999999999&leads_counts=Y',
  'session_id=8600051&server_ip=10.10.10.15&phone_login=%27%3B%C3%A9&stage=%FF%FE',
  'lead_id=80&field_name=first_name,%3B%3C%3E%5B%5C%5D%5E&custom_fields=%FF&search_location=%C3%A9&header=YES&stage=newline&no_update=Y',
  'status=%C3%A9%27&date=9999-99-99&lead_id=80&no_update=Y',
  'campaigns=TESTCAMP-%C3%A9-%00%FF&query_date=9999-99-99%27&statuses=%C3%A9-SALE-%FF&ingroups=%3B%3C',
  'campaigns=---ALL---&query_date=99999999999999999999999999&statuses=------',
  'campaigns=TESTCAMP&end_date=%FF%27&users=%C3%A9-%00&status_breakdown=99999999999999999999&show_percentages=1&dids=%3B',
  'list_id=1x%FF2&list_name=%00%00%00%00%00%00%00&campaign_id=%C3%A9%C3%A9&custom_fields_copy=%FF&xferconf_one=%FF',
  'datetime_start=9999-99-99+99:99:99&datetime_end=%FF%27&time_format=%C3%A9&group_by_campaign=%00&agent_user=%C3%A9',
  'datetime_start=2000-01-01+00:00:00&datetime_end=2100-01-01+00:00:00&time_format=%FF&group_by_campaign=YES&campaign_id=%27%20OR%201%3D1',
  'lead_id=80&archived_lead=%C3%A9Y%00&field_name=first_name&stage=%FF%27&search_location=%27ALL%00&phone_number=3125550080&no_update=Y',
  'extension=%C3%A9%00x&dialplan_number=%FF%FF&voicemail_id=%27&phone_login=%3B&phone_pass=%00&server_ip=10.10.10.15%27&protocol=SIP%00&registration_password=%FF&phone_full_name=%3C%3E&local_gmt=99999999999999999999&outbound_cid=%27%20OR%201%3D1',
  'extension=garbage%FF1&server_ip=10.10.10.15&delete_phone=%00Y&active=%C3%A9&phone_ring_timeout=99999999999999999999&email=%FF%FF%FF%FF%FF%FF&template_id=%27&alias_id=%C3%A9x&phone_logins=,,,%FF&alias_name=%00&delete_alias=%FF',
];

const FUNCTIONS = [
  'add_phone',
  'update_phone',
  'add_phone_alias',
  'update_phone_alias',
  'user_details',
  'update_user',
  'copy_user',
  'add_dnc_phone',
  'add_group_alias',
  'delete_dnc_phone',
  'lead_all_info',
  'lead_dearchive',
  'lead_search',
  'update_lead',
  'campaigns_list',
  'hopper_list',
  'in_group_status',
  'callid_info',
  'list_info',
  'blind_monitor',
  'add_list',
  'update_list',
  'update_campaign',
  'agent_campaigns',
  'check_phone_number',
  'lead_field_info',
  'lead_callback_info',
  'lead_status_search',
  'phone_number_log',
  'call_status_stats',
  'call_dispo_report',
  'agent_stats_export',
  'sounds_list',
];

test.each(FUNCTIONS)('%s: every kind of bad input gets one of its own lines', async (fn) => {
  for (const query of GARBAGE) {
    const response = await nonAgentGet(gateway(), `source=test&user=6666&pass=1234&function=${fn}&${query}`);
    const seen = `${query} => ${response.status} ${response.text}`;
    expect(seen).toMatch(/^\S+ => 200 (ERROR|NOTICE|SUCCESS|[^<])/);
    expect(seen).not.toContain('service unavailable');
    expect(seen).not.toMatch(/<html|<!DOCTYPE/i);
  }
});

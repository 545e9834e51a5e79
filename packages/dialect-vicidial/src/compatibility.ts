import { supportRows, type SupportSection, type UnsupportedOperation } from '@pbx-gateway/dialect-kit';
import { NON_AGENT_FUNCTIONS } from './non-agent-api/catalogue';
import { AGENT_OPERATIONS } from './operations/catalogue';

/** Functions answered before authentication, outside the catalogues. */
const BEFORE_AUTHENTICATION = [{ label: 'version' }];

/**
 * Every function of `non_agent_api.php` 2.14-202, the product's own list (its
 * function blocks, in the order its change log added them). The ones the
 * catalogue does not hold are listed as not supported.
 */
export const DOCUMENTED_NON_AGENT_FUNCTIONS: readonly string[] = [
  'version', 'add_lead', 'update_lead', 'blind_monitor', 'sounds_list', 'moh_list', 'vm_list', 'agent_ingroup_info',
  'recording_lookup', 'did_log_export', 'add_user', 'add_phone', 'add_list', 'update_list', 'update_phone', 'add_phone_alias',
  'update_phone_alias', 'agent_stats_export', 'add_group_alias', 'user_group_status', 'in_group_status', 'update_log_entry',
  'agent_status', 'callid_info', 'update_user', 'server_refresh', 'check_phone_number', 'logged_in_agents', 'update_campaign',
  'lead_field_info', 'phone_number_log', 'ccc_lead_info', 'lead_status_search', 'call_status_stats', 'call_dispo_report',
  'update_did', 'lead_callback_info', 'agent_campaigns', 'update_cid_group_entry', 'list_info', 'add_dnc_phone', 'add_fpg_phone',
  'list_custom_fields', 'campaigns_list', 'hopper_list', 'copy_user', 'add_did', 'lead_all_info', 'batch_update_lead', 'lead_search',
  'update_alt_url', 'update_presets', 'ingroup_list', 'callmenu_list', 'container_list', 'lead_dearchive', 'delete_fpg_phone',
  'delete_dnc_phone', 'update_remote_agent', 'copy_did', 'user_details', 'hopper_bulk_insert',
];

/** Why a documented function is not run, where there is more to say than that it is not built. */
const NOT_RUN_BECAUSE: Readonly<Record<string, string>> = {
  server_refresh: 'the gateway has no VICIdial servers to refresh',
  ccc_lead_info: "a lead of a call handed over by another VICIdial cluster: the gateway is one system, and its call IDs are not the 18-39 character IDs the function takes",
  update_presets:
    "named transfer presets are entries of VICIdial's agent screen (its transfer panel), which the gateway does not have; a campaign's five transfer numbers (xferconf A-E, which set_timer_action's D1-D5 dial) are campaign settings, set by provisioning and update_campaign",
  update_cid_group_entry: 'the gateway keeps no caller ID groups (numbers chosen by area code or state); a trunk presents its own caller-id pool',
  update_alt_url: 'the gateway calls no disposition URLs, so it keeps no alternate ones',
  update_remote_agent: 'the gateway has no remote agents (lines that take calls without an agent screen)',
};

const NOT_RUN_ANSWER = 'answered `ERROR: NO FUNCTION SPECIFIED`, as the script answers a function it does not run';

/** Documented Non-Agent API functions the catalogue does not hold. */
export const UNSUPPORTED_NON_AGENT_FUNCTIONS: readonly UnsupportedOperation[] = DOCUMENTED_NON_AGENT_FUNCTIONS.filter(
  (name) => name !== 'version' && !NON_AGENT_FUNCTIONS.operations.some((operation) => operation.function === name),
)
  .sort()
  .map((name) => ({ name, reason: `${NOT_RUN_BECAUSE[name] ?? 'not implemented'}: ${NOT_RUN_ANSWER}` }));

export function vicidialCompatibility(): SupportSection[] {
  const agent = AGENT_OPERATIONS.operations.map((operation) => ({ label: operation.function, partial: operation.partial }));
  const nonAgent = NON_AGENT_FUNCTIONS.operations.map((operation) => ({ label: operation.function, partial: operation.partial }));
  return [
    { heading: 'Agent API (`/agc/api.php?function=`)', rows: supportRows([...BEFORE_AUTHENTICATION, ...agent], []) },
    { heading: 'Non-Agent API (`/vicidial/non_agent_api.php?function=`)', rows: supportRows([...BEFORE_AUTHENTICATION, ...nonAgent], UNSUPPORTED_NON_AGENT_FUNCTIONS) },
  ];
}

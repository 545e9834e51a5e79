import type { TestGatewayOptions } from '@pbx-gateway/test-support';
import { CALL_TIME_EXCLUDING_NOW } from './call-time-excluding-now';
import { DIALER_PROVISIONING } from './dialer-provisioning';

type Provisioning = NonNullable<TestGatewayOptions['extraProvisioning']>;
type ApiAccount = NonNullable<Provisioning['apiUsers']>[number];

/** Level 9 in ADMIN, every function, API access: what the accounts of the tests are made from. */
export const ADMIN_ACCOUNT = { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' };
const ALL = ADMIN_ACCOUNT;

/** A Non-Agent API account, password 1234. */
export const nonAgentAccount = (login: string, attributes: Record<string, string>): ApiAccount => ({ realm: 'vicidial', login, secret: '1234', attributes });

/**
 * The dialer's test data plus the accounts the Non-Agent API's permission
 * lines need: 6675 without lead, list or user rights, 6676 restricted to the
 * lists of its group (AGENTS: campaign TESTCAMP), 6677 restricted but in a
 * group that does not exist, 6678 of level 8 with every right, 6679 of
 * level 9 in AGENTS who may add users but not of its own level, and add
 * do-not-call numbers but not take them off; list 102,
 * a second list of TESTCAMP; agents of group AGENTS: 1006 logged in, 1007
 * not; call time `notnow`, which excludes the hours the tests run in.
 */
export const NON_AGENT_PROVISIONING: Provisioning = {
  ...DIALER_PROVISIONING,
  apiUsers: [
    ...(DIALER_PROVISIONING.apiUsers ?? []),
    { realm: 'vicidial', login: '6675', secret: '1234', attributes: { ...ALL, modify_leads: '0', modify_users: '0', view_reports: '0' } },
    { realm: 'vicidial', login: '6676', secret: '1234', attributes: { ...ALL, user_group: 'AGENTS', modify_leads: '1', modify_lists: '1', api_list_restrict: '1', view_reports: '1' } },
    { realm: 'vicidial', login: '6677', secret: '1234', attributes: { ...ALL, user_group: 'NOGROUP', modify_leads: '1', modify_lists: '1', api_list_restrict: '1', view_reports: '1' } },
    { realm: 'vicidial', login: '6679', secret: '1234', attributes: { ...ALL, user_group: 'AGENTS', modify_users: '1', modify_lists: '1' } },
    { realm: 'vicidial', login: '6678', secret: '1234', attributes: { ...ALL, user_level: '8', modify_leads: '4', modify_users: '1', view_reports: '1', modify_lists: '1', delete_from_dnc: '1', delete_users: '1' } },
  ],
  agents: [
    ...(DIALER_PROVISIONING.agents ?? []),
    { id: '1006', name: 'Agent Six', device: 'PJSIP/1006', attributes: { user_group: 'AGENTS', user_level: '1' } },
    { id: '1007', name: 'Agent Seven', device: 'PJSIP/1007', attributes: { user_group: 'AGENTS', user_level: '1' } },
  ],
  sessions: [...(DIALER_PROVISIONING.sessions ?? []), { agentId: '1006', via: 'vicidial', conferenceNumber: '8600056', campaignId: 'TESTCAMP' }],
  lists: [...(DIALER_PROVISIONING.lists ?? []), { id: 102, campaignId: 'TESTCAMP' }],
  callTimes: [CALL_TIME_EXCLUDING_NOW],
};

/** The Non-Agent test data with a test's own accounts after its accounts, and the test's other data over it. */
export function nonAgentProvisioningWith(accounts: readonly ApiAccount[], more: Omit<Provisioning, 'apiUsers'> = {}): Provisioning {
  return { ...NON_AGENT_PROVISIONING, apiUsers: [...(NON_AGENT_PROVISIONING.apiUsers ?? []), ...accounts], ...more };
}

const CAMPAIGN_RIGHTS = { user_level: '8', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', modify_campaigns: '1', view_reports: '1' };

/** Accounts with modify_campaigns: 6682 of group AGENTS (TESTCAMP alone), 6683 of level 7. */
export const CAMPAIGN_EDITORS: readonly ApiAccount[] = [
  nonAgentAccount('6682', { ...CAMPAIGN_RIGHTS, user_group: 'AGENTS' }),
  nonAgentAccount('6683', { ...CAMPAIGN_RIGHTS, user_level: '7', user_group: 'ADMIN' }),
];

const PHONE_RIGHTS = { user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' };

/** Accounts of the phone functions: 6691 may add, change and delete phones, 6692 not delete, 6693 is of level 7, 6694 has no ast_admin_access. */
export const PHONE_ADMINS: readonly ApiAccount[] = [
  nonAgentAccount('6691', { ...PHONE_RIGHTS, user_level: '8', ast_admin_access: '1', ast_delete_phones: '1' }),
  nonAgentAccount('6692', { ...PHONE_RIGHTS, user_level: '8', ast_admin_access: '1' }),
  nonAgentAccount('6693', { ...PHONE_RIGHTS, user_level: '7', ast_admin_access: '1' }),
  nonAgentAccount('6694', { ...PHONE_RIGHTS, user_level: '9' }),
];

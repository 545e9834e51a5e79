import type { TestGatewayOptions } from '@pbx-gateway/test-support';
import { DIALER_PROVISIONING } from './dialer-provisioning';

const ALL = { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1' };

/**
 * The dialer's test data plus the accounts the Non-Agent API's permission
 * lines need: 6675 without lead, list or user rights, 6676 restricted to the
 * lists of its group (AGENTS: campaign TESTCAMP), 6677 restricted but in a
 * group that does not exist, 6678 of level 8 with every right, 6679 of
 * level 9 in AGENTS who may add users but not of its own level, and add
 * do-not-call numbers but not take them off; list 102,
 * a second list of TESTCAMP; agents of group AGENTS: 1006 logged in, 1007
 * not.
 */
export const NON_AGENT_PROVISIONING: NonNullable<TestGatewayOptions['extraProvisioning']> = {
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
};

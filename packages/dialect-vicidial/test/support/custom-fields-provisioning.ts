import type { TestGatewayOptions } from '@pbx-gateway/test-support';
import { NON_AGENT_PROVISIONING } from './non-agent-provisioning';

/**
 * The Non-Agent test data with lists' own fields: list 101 (TESTCAMP) has
 * three that keep values (favorite_color of at most 10 characters, notes,
 * best_time) among form elements that keep none (a DISPLAY banner, the
 * lead's own first_name shown again, a duplicate of favorite_color); list
 * 102 has one (a_field); lists 300 and 400 have none. 6680 may copy
 * lists' fields (custom_fields_modify). Lead 9099 is in list 99, below the
 * numbers of lists with fields: its entry list is not one to read values of.
 */
export const CUSTOM_FIELDS_PROVISIONING: NonNullable<TestGatewayOptions['extraProvisioning']> = {
  ...NON_AGENT_PROVISIONING,
  apiUsers: [
    ...(NON_AGENT_PROVISIONING.apiUsers ?? []),
    {
      realm: 'vicidial',
      login: '6680',
      secret: '1234',
      attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', modify_lists: '1', custom_fields_modify: '1' },
    },
  ],
  lists: [
    ...(NON_AGENT_PROVISIONING.lists ?? []).filter((list) => list.id !== 102),
    {
      id: 101,
      name: 'Test campaign list',
      campaignId: 'TESTCAMP',
      customFields: [
        { label: 'favorite_color', name: 'Favorite color', max: 10 },
        { label: 'banner', type: 'DISPLAY', name: 'Ask about colors' },
        { label: 'notes', type: 'AREA', rank: 2 },
        { label: 'first_name', name: 'First name' },
        { label: 'color_again', type: 'TEXT', duplicate: true },
        { label: 'best_time', type: 'SELECT', options: 'MORNING\nEVENING', rank: 3 },
      ],
    },
    { id: 102, campaignId: 'TESTCAMP', customFields: [{ label: 'a_field' }] },
    { id: 500, campaignId: 'TESTCAMP', customFields: [{ label: 'only_shown', type: 'SCRIPT' }] },
  ],
  leads: [...(NON_AGENT_PROVISIONING.leads ?? []), { id: 9099, listId: 99, phoneNumber: '7275558990' }],
};

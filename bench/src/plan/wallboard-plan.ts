import type { ProvisioningDocument } from '@pbx-gateway/server';

type ApiUserEntry = NonNullable<ProvisioningDocument['apiUsers']>[number];
type AgentEntry = NonNullable<ProvisioningDocument['agents']>[number];
type SessionEntry = NonNullable<ProvisioningDocument['sessions']>[number];

/**
 * The wallboard's agents: logged in at start (provisioning sessions, through
 * the core's login) in a user group and campaign of their own, half ready,
 * half paused, each in its conference (no phone rung: a wallboard reads
 * their state, it does not call them). No secret: nothing of theirs is
 * verified, and hashing 500 more would only slow the gateway's start.
 */
export const WALLBOARD_AGENTS = 500;
export const WALLBOARD_GROUP = 'WALLBOARD';
export const WALLBOARD_CAMPAIGN = 'WBCAMP';
export const wallboardAgentId = (i: number): string => String(5000 + i);
const wallboardConference = (i: number): string => String(8605000 + i);

/** The wallboard's own API account: a manager's, allowed to view reports. */
export const WALLBOARD_API = { login: '7777', secret: 'wb-7777' } as const;

export function wallboardProvisioning(): { apiUsers: ApiUserEntry[]; agents: AgentEntry[]; sessions: SessionEntry[] } {
  const indexes = Array.from({ length: WALLBOARD_AGENTS }, (_, i) => i);
  return {
    apiUsers: [
      {
        realm: 'vicidial',
        login: WALLBOARD_API.login,
        secret: WALLBOARD_API.secret,
        permissions: ['*'],
        attributes: { full_name: 'Wallboard', user_level: '8', user_group: 'ADMIN', view_reports: '1', vdc_agent_api_access: '1', api_allowed_functions: ' ALL_FUNCTIONS ' },
      },
    ],
    agents: indexes.map((i) => ({
      id: wallboardAgentId(i),
      name: `Wallboard Agent ${i}`,
      device: `PJSIP/wb${5000 + i}`,
      attributes: { user_group: WALLBOARD_GROUP, user_level: '1' },
    })),
    sessions: indexes.map((i) => ({
      agentId: wallboardAgentId(i),
      via: 'vicidial' as const,
      conferenceNumber: wallboardConference(i),
      campaignId: WALLBOARD_CAMPAIGN,
      initialState: i % 2 === 0 ? ('ready' as const) : ('paused' as const),
    })),
  };
}

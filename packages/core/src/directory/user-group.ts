import type { PageRequest } from '../ports/page-request';
/**
 * A group of users and what its members may reach. API users name their
 * group in their attributes; the group says which campaigns (and so which
 * lists and leads) they may work with and whose users they may see.
 */
export interface UserGroup {
  id: string;
  name: string;
  /** Campaigns its members may work with; null: every campaign. */
  allowedCampaigns: readonly string[] | null;
  /** Groups whose users its members may see and manage; null: every group. */
  viewableGroups: readonly string[] | null;
  /** Addresses its members' API calls may come from; empty: any address. */
  apiAllowedIps: readonly string[];
}

export interface UserGroupRepository {
  get(id: string): Promise<UserGroup | null>;
  /** A page of the groups, by id. */
  list(page: PageRequest): Promise<UserGroup[]>;
  upsert(group: UserGroup): Promise<void>;
}

export const mayWorkWithCampaign = (group: UserGroup, campaignId: string): boolean => group.allowedCampaigns === null || group.allowedCampaigns.includes(campaignId);

export const maySeeGroup = (group: UserGroup, groupId: string): boolean => group.viewableGroups === null || group.viewableGroups.includes(groupId);

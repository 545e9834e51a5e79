import type { UserGroup, UserGroupRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface UserGroupRow {
  id: string;
  name: string;
  allowed_campaigns: string[] | null;
  viewable_groups: string[] | null;
  api_allowed_ips: string[];
}

const toUserGroup = (row: UserGroupRow): UserGroup => ({
  id: row.id,
  name: row.name,
  allowedCampaigns: row.allowed_campaigns,
  viewableGroups: row.viewable_groups,
  apiAllowedIps: row.api_allowed_ips,
});

export function createUserGroupRepository(db: Knex): UserGroupRepository {
  return {
    async get(id) {
      const row: UserGroupRow | undefined = await db('user_groups').where({ id }).first();
      return row ? toUserGroup(row) : null;
    },

    async list(page) {
      const rows: UserGroupRow[] = await db('user_groups').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(toUserGroup);
    },

    async upsert(group) {
      await db('user_groups')
        .insert({
          id: group.id,
          name: group.name,
          allowed_campaigns: group.allowedCampaigns === null ? null : [...group.allowedCampaigns],
          viewable_groups: group.viewableGroups === null ? null : [...group.viewableGroups],
          api_allowed_ips: [...group.apiAllowedIps],
        })
        .onConflict('id')
        .merge();
    },
  };
}

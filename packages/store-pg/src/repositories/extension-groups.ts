import type { ExtensionGroup, ExtensionGroupRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { atomically } from '../support/atomically';

interface ExtensionGroupRow {
  name: string;
  tenant: string | null;
  ring_timeout_sec: number;
}

export function createExtensionGroupRepository(db: Knex): ExtensionGroupRepository {
  return {
    async get(name) {
      const row: ExtensionGroupRow | undefined = await db('extension_groups').where({ name }).first();
      if (!row) return null;
      const members: Array<{ extension_id: number }> = await db('extension_group_members')
        .where({ group_name: name })
        .orderBy('position')
        .select('extension_id');
      return {
        name: row.name,
        tenant: row.tenant,
        extensionIds: members.map((member) => member.extension_id),
        ringTimeoutSec: row.ring_timeout_sec,
      } satisfies ExtensionGroup;
    },

    async upsert(group) {
      await atomically(db, async (trx) => {
        await trx('extension_groups')
          .insert({ name: group.name, tenant: group.tenant, ring_timeout_sec: group.ringTimeoutSec })
          .onConflict('name')
          .merge();
        await trx('extension_group_members').where({ group_name: group.name }).delete();
        if (group.extensionIds.length > 0) {
          await trx('extension_group_members').insert(
            group.extensionIds.map((extensionId, position) => ({ group_name: group.name, extension_id: extensionId, position })),
          );
        }
      });
    },
  };
}

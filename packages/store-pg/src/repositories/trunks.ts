import type { Trunk, TrunkRepository, TrunkRoute } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { atomically } from '../support/atomically';

interface TrunkRow {
  id: number;
  name: string;
  dial_template: string;
}

export function createTrunkRepository(db: Knex): TrunkRepository {
  const withCallerIds = async (row: TrunkRow | undefined): Promise<Trunk | null> => {
    if (!row) return null;
    const numbers: Array<{ number: string }> = await db('trunk_caller_ids').where({ trunk_id: row.id }).orderBy('position').select('number');
    return { ...toRoute(row), callerIdPool: numbers.map((entry) => entry.number) };
  };

  return {
    async get(id) {
      if (!Number.isSafeInteger(id)) return null;
      return withCallerIds(await db('trunks').where({ id }).first());
    },

    async findByName(name) {
      return withCallerIds(await db('trunks').where({ name }).first());
    },

    async preferred() {
      return withCallerIds(await db('trunks').orderBy('id').first());
    },

    async listRoutes() {
      const rows: TrunkRow[] = await db('trunks').orderBy('id').select('id', 'name', 'dial_template');
      return rows.map(toRoute);
    },

    async preferredRoute() {
      const row: TrunkRow | undefined = await db('trunks').orderBy('id').first('id', 'name', 'dial_template');
      return row ? toRoute(row) : null;
    },

    async upsert(trunk) {
      await atomically(db, async (trx) => {
        await trx('trunks').insert({ id: trunk.id, name: trunk.name, dial_template: trunk.dialTemplate }).onConflict('id').merge();
        await trx('trunk_caller_ids').where({ trunk_id: trunk.id }).delete();
        if (trunk.callerIdPool.length > 0) {
          await trx('trunk_caller_ids').insert(trunk.callerIdPool.map((number, position) => ({ trunk_id: trunk.id, position, number })));
        }
      });
    },
  };
}

function toRoute(row: Pick<TrunkRow, 'id' | 'name' | 'dial_template'>): TrunkRoute {
  return { id: row.id, name: row.name, dialTemplate: row.dial_template };
}

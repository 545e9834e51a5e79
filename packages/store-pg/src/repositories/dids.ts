import type { Did, DidAgentUnavailableAction, DidChanges, DidLogEntry, DidRepository, DidRouteKind, NewDid } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface DidRow {
  id: number;
  pattern: string;
  description: string;
  active: boolean;
  route: DidRouteKind;
  queue_name: string | null;
  extension: string;
  exten_context: string;
  voicemail_ext: string;
  phone: string;
  server_ip: string;
  menu_id: string;
  filter_clean_cid_number: string;
  call_handle_method: string;
  agent_search_method: string;
  list_id: string;
  entry_list_id: string;
  campaign_id: string;
  phone_code: string;
  record_call: string;
  user_group: string;
  agent_user: string;
  agent_unavailable_action: DidAgentUnavailableAction;
  agent_route_queue: string;
}

interface DidLogRow {
  call_id: string;
  did: string;
  did_id: number | null;
  route: string;
  caller_id_number: string;
  caller_id_name: string;
  called_at: Date;
}

/** Each field of a DID and its column. */
const COLUMNS: ReadonlyArray<[keyof Omit<Did, 'id'>, keyof Omit<DidRow, 'id'>]> = [
  ['pattern', 'pattern'],
  ['description', 'description'],
  ['active', 'active'],
  ['route', 'route'],
  ['queueName', 'queue_name'],
  ['extension', 'extension'],
  ['extenContext', 'exten_context'],
  ['voicemailExt', 'voicemail_ext'],
  ['phone', 'phone'],
  ['serverIp', 'server_ip'],
  ['menuId', 'menu_id'],
  ['filterCleanCidNumber', 'filter_clean_cid_number'],
  ['callHandleMethod', 'call_handle_method'],
  ['agentSearchMethod', 'agent_search_method'],
  ['listId', 'list_id'],
  ['entryListId', 'entry_list_id'],
  ['campaignId', 'campaign_id'],
  ['phoneCode', 'phone_code'],
  ['recordCall', 'record_call'],
  ['userGroup', 'user_group'],
  ['agentUser', 'agent_user'],
  ['agentUnavailableAction', 'agent_unavailable_action'],
  ['agentRouteQueue', 'agent_route_queue'],
];

function rowOf(values: DidChanges & { pattern?: string }): Partial<DidRow> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of COLUMNS) if (values[field] !== undefined) row[column] = values[field];
  return row as Partial<DidRow>;
}

function didOf(row: DidRow): Did {
  const did: Record<string, unknown> = { id: row.id };
  for (const [field, column] of COLUMNS) did[field] = row[column];
  return did as unknown as Did;
}

const entryOf = (row: DidLogRow): DidLogEntry => ({
  callId: row.call_id,
  did: row.did,
  didId: row.did_id,
  route: row.route,
  callerIdNumber: row.caller_id_number,
  callerIdName: row.caller_id_name,
  calledAt: row.called_at,
});

export function createDidRepository(db: Knex): DidRepository {
  return {
    async get(pattern) {
      const row: DidRow | undefined = await db('dids').where({ pattern }).first();
      return row ? didOf(row) : null;
    },

    async list() {
      const rows: DidRow[] = await db('dids').orderBy('id');
      return rows.map(didOf);
    },

    async insert(did: NewDid) {
      const rows: DidRow[] = await db('dids').insert(rowOf(did)).onConflict('pattern').ignore().returning('*');
      return rows[0] ? didOf(rows[0]) : null;
    },

    async upsert(did: NewDid) {
      await db('dids').insert(rowOf(did)).onConflict('pattern').merge();
    },

    async update(pattern, changes) {
      const values = rowOf(changes);
      if (Object.keys(values).length === 0) return this.get(pattern);
      const rows: DidRow[] = await db('dids').where({ pattern }).update(values).returning('*');
      return rows[0] ? didOf(rows[0]) : null;
    },

    async remove(pattern) {
      const rows: DidRow[] = await db('dids').where({ pattern }).delete().returning('*');
      return rows[0] ? didOf(rows[0]) : null;
    },

    async appendLog(entry) {
      await db('did_log').insert({
        call_id: entry.callId,
        did: entry.did,
        did_id: entry.didId,
        route: entry.route,
        caller_id_number: entry.callerIdNumber,
        caller_id_name: entry.callerIdName,
        called_at: entry.calledAt,
      });
    },

    async findLog(search, limit) {
      const rows: DidLogRow[] = await db('did_log')
        .where({ did: search.did })
        .andWhere('called_at', '>=', search.from)
        .andWhere('called_at', '<', search.to)
        .orderBy([{ column: 'called_at' }, { column: 'id' }])
        .limit(limit);
      return rows.map(entryOf);
    },
  };
}

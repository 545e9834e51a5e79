import type { Knex } from 'knex';

/** Keys the gateway kept in a call's `data` before each purpose had its own progress. */
const FLOW_KEYS = [
  'destinationEndpoint',
  'destinationCallerId',
  'destinationRingSec',
  'trunkId',
  'transferKey',
  'groupName',
  'media',
  'mediaName',
  'userKey',
  'answeredBy',
  'customerEndpoint',
  'leadId',
];
// (jsonb_exists*, not the ? operators: knex reads a ? as a parameter.)
const flowKeys = `ARRAY[${FLOW_KEYS.map((key) => `'${key}'`).join(', ')}]`;

/**
 * A call's flow state moves out of the client's data into `progress`, typed
 * per purpose by the core; `data` keeps only what the client gave, which is
 * what the CDR echoes. The key a caller pressed in a voice menu and the
 * lead a call was placed for become CDR columns of their own.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE calls ADD COLUMN progress jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(progress) = 'object')`);
  await db.raw(`
    UPDATE calls SET progress = jsonb_build_object(
      'destinationEndpoint', coalesce(data->'destinationEndpoint', '""'),
      'destinationCallerId', coalesce(data->'destinationCallerId', to_jsonb(from_number)),
      'destinationRingSec', coalesce(data->'destinationRingSec', 'null'),
      'trunkId', coalesce(data->'trunkId', '0'))
    WHERE purpose = 'click_to_call'`);
  await db.raw(`
    UPDATE calls SET progress = jsonb_build_object(
      'transferKey', coalesce(data->'transferKey', '""'),
      'groupName', coalesce(data->'groupName', '""'),
      'media', coalesce(data->'media', '""'),
      'mediaName', coalesce(data->'mediaName', '""'),
      'pressedKey', coalesce(data->'userKey', 'null'),
      'answeredBy', coalesce(data->'answeredBy', 'null'))
    WHERE purpose = 'voice_menu'`);
  await db.raw(`
    UPDATE calls SET progress = jsonb_build_object(
      'customerEndpoint', coalesce(data->'customerEndpoint', '""'),
      'trunkId', coalesce(data->'trunkId', '0'),
      'leadId', coalesce(data->'leadId', 'null'))
    WHERE purpose = 'agent_customer'`);
  await db.raw(`UPDATE calls SET data = data - ${flowKeys}::text[] WHERE jsonb_exists_any(data, ${flowKeys}::text[])`);
  await db.raw('ALTER TABLE cdrs ADD COLUMN pressed_key text');
  await db.raw(`UPDATE cdrs SET pressed_key = data->>'userKey' WHERE jsonb_exists(data, 'userKey')`);
  await db.raw('ALTER TABLE cdrs ADD COLUMN lead_id bigint');
  await db.raw(`UPDATE cdrs SET lead_id = (data->>'leadId')::bigint WHERE jsonb_exists(data, 'leadId')`);
  await db.raw(`UPDATE cdrs SET data = data - ${flowKeys}::text[] WHERE jsonb_exists_any(data, ${flowKeys}::text[])`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`UPDATE cdrs SET data = data || jsonb_build_object('userKey', pressed_key) WHERE pressed_key IS NOT NULL`);
  await db.raw(`UPDATE cdrs SET data = data || jsonb_build_object('leadId', lead_id) WHERE lead_id IS NOT NULL`);
  await db.raw('ALTER TABLE cdrs DROP COLUMN pressed_key, DROP COLUMN lead_id');
  await db.raw(`
    UPDATE calls SET data = data || (progress - 'pressedKey')
      || CASE WHEN progress->'pressedKey' IS NULL OR progress->'pressedKey' = 'null' THEN '{}'::jsonb ELSE jsonb_build_object('userKey', progress->'pressedKey') END`);
  await db.raw('ALTER TABLE calls DROP COLUMN progress');
}

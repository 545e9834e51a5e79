import type { Knex } from 'knex';
import { allowCallPurposes, PURPOSES_BEFORE_VOICE_BROADCAST } from './call-purposes';

const PURPOSES_BEFORE = [...PURPOSES_BEFORE_VOICE_BROADCAST, 'voice_broadcast'];

/** A call from one agent to another (CC-Gateway callinner) is a call of its own purpose. */
export async function up(db: Knex): Promise<void> {
  await allowCallPurposes(db, [...PURPOSES_BEFORE, 'agent_internal']);
}

export async function down(db: Knex): Promise<void> {
  await allowCallPurposes(db, PURPOSES_BEFORE);
}

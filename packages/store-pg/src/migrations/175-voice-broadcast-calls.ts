import type { Knex } from 'knex';
import { allowCallPurposes, PURPOSES_BEFORE_VOICE_BROADCAST } from './call-purposes';

/** A call that plays audio to a number and hangs up (Sip_Call PlayVoice without a menu) is a call of its own purpose. */
export async function up(db: Knex): Promise<void> {
  await allowCallPurposes(db, [...PURPOSES_BEFORE_VOICE_BROADCAST, 'voice_broadcast']);
}

export async function down(db: Knex): Promise<void> {
  await allowCallPurposes(db, PURPOSES_BEFORE_VOICE_BROADCAST);
}

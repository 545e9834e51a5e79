import { createPgStore } from '../src';
import { databaseBeforeMigration } from './support/database-before-migration';

/**
 * Calls placed before each purpose had its own progress kept their flow's
 * settings in the client's data; the migration moves them out, so that a
 * gateway upgraded while such calls are up carries them on.
 */

const before = databaseBeforeMigration('027-call-progress');

const insertCall = (id: string, purpose: string, stage: string, data: object) =>
  before.db().raw(
    `INSERT INTO calls (id, purpose, direction, state, stage, from_number, to_number, created_at, origin_dialect, origin_operation, data)
     VALUES (?, ?, 'outbound', 'setup', ?, '2120280100', '800123456', now(), 'test', 'test', ?::jsonb)`,
    [id, purpose, stage, JSON.stringify(data)],
  );

it("moves each purpose's flow state out of the client's data, and a voice menu's pressed key into its CDR", async () => {
  await insertCall('c2c', 'click_to_call', 'dialing_destination', { customCDR1: 'x', trunkId: 1, destinationEndpoint: 'PJSIP/800123456@upc', destinationCallerId: '2120280100', destinationRingSec: 40 });
  await insertCall('menu', 'voice_menu', 'connected', { customuuid: 'u-1', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', userKey: '1', answeredBy: 'menu.2' });
  await insertCall('manual', 'agent_customer', 'dialing_customer', { customerEndpoint: 'PJSIP/800123456@upc', trunkId: 1 });
  await insertCall('phone', 'agent_phone', 'in_conference', {});
  await before.db().raw(
    `INSERT INTO cdrs (call_id, purpose, direction, from_number, to_number, started_at, ended_at, duration_sec, billsec, hangup_cause, hangup_cause_text, hangup_side, data)
     VALUES ('menu', 'voice_menu', 'outbound', '2120280100', '800123456', now(), now(), 0, 0, 16, 'Normal Clearing', 'callee', ?::jsonb)`,
    [JSON.stringify({ customuuid: 'u-1', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', userKey: '1', answeredBy: 'menu.2' })],
  );

  const store = createPgStore({ connectionString: before.url() });
  try {
    await store.migrate();
    const calls = store.direct.calls;
    expect(await calls.get('c2c')).toMatchObject({
      progress: { stage: 'dialing_destination', trunkId: 1, destinationEndpoint: 'PJSIP/800123456@upc', destinationCallerId: '2120280100', destinationRingSec: 40 },
      data: { customCDR1: 'x' },
    });
    expect(await calls.get('menu')).toMatchObject({
      progress: { stage: 'connected', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', pressedKey: '1', answeredBy: 'menu.2' },
      data: { customuuid: 'u-1' },
    });
    expect(await calls.get('manual')).toMatchObject({ progress: { stage: 'dialing_customer', customerEndpoint: 'PJSIP/800123456@upc', trunkId: 1 }, data: {} });
    expect(await calls.get('phone')).toMatchObject({ progress: { stage: 'in_conference' }, data: {} });
    expect((await store.direct.cdrs.list())[0]).toMatchObject({ pressedKey: '1', data: { customuuid: 'u-1' } });
  } finally {
    await store.close();
  }
});

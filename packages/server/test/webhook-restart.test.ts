import { Pool } from 'pg';
import supertest from 'supertest';
import { hashAdminKey } from '../src/admin/admin-key';
import { restartableDemoGateway } from './support/restartable-gateway';
import { startSignedWebhookReceiver, type SignedWebhookReceiver } from './support/signed-webhook-receiver';

// A restart between an event and its webhook delivery: what was queued or
// not yet queued before the stop reaches the receiver after the start, in
// order, once (docs/event-stream.md, "Signed webhooks").

const KEY = 'test-admin-key-0123456789abcdef';
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';
const auth = { Authorization: `Bearer ${KEY}` };

describe('webhook delivery across a restart of the gateway', () => {
  const { start, stop, databaseUrl } = restartableDemoGateway({
    configure: (config) => ({
      ...config,
      admin: { apiKeySha256: hashAdminKey(KEY) },
      callbacks: { ...config.callbacks, signingKey: 'test-callback-signing-key-0123456789' },
    }),
  });
  let receiver: SignedWebhookReceiver;
  let pool: Pool;

  beforeEach(async () => {
    receiver = await startSignedWebhookReceiver();
    pool = new Pool({ connectionString: databaseUrl(), max: 1 });
    // The database is dropped after each test, maybe before this pool ends: its idle connection's end is expected.
    pool.on('error', () => undefined);
  });

  afterEach(async () => {
    await pool.end();
    await receiver.close();
  });

  const agentEventIds = async (after: string): Promise<string[]> =>
    (
      await pool.query<{ id: string }>(
        `SELECT tx::text || '-' || id::text AS id FROM event_log
          WHERE topic = 'agents' AND (tx, id) > (split_part($1, '-', 1)::xid8, split_part($1, '-', 2)::bigint)
          ORDER BY tx, id`,
        [after],
      )
    ).rows.map((row) => row.id);

  const waitFor = async (check: () => Promise<boolean>, what: string): Promise<void> => {
    const until = Date.now() + 20000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('delivers every agent event, those of before the stop and those of after, once each and in order', async () => {
    const first = await start();
    const created = await supertest(first.app).post('/admin/v1/webhooks').set(auth).send({ url: receiver.url, topics: ['agents'] });
    expect(created.status).toBe(201);
    receiver.setSecret(created.body.secret);
    const { id, after } = created.body.webhook as { id: string; after: string };

    // The receiver is down: the events wait in the outbox.
    receiver.failNext(Number.POSITIVE_INFINITY);
    expect((await supertest(first.app).get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS/);
    expect((await supertest(first.app).get(`${VICIDIAL}&function=external_pause&value=RESUME`)).text).toMatch(/^SUCCESS/);
    const before = await agentEventIds(after);
    expect(before.length).toBeGreaterThanOrEqual(2);
    await waitFor(
      async () => Number((await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE topic = $1`, [`webhook/${id}`])).rows[0]!.n) === before.length,
      'the events queued for delivery',
    );
    await stop();
    expect(receiver.accepted()).toEqual([]);

    receiver.failNext(0);
    const second = await start();
    expect((await supertest(second.app).get(`${VICIDIAL}&function=external_pause&value=PAUSE`)).text).toMatch(/^SUCCESS/);
    let expected: string[] = [];
    await waitFor(async () => {
      expected = await agentEventIds(after);
      return expected.length > before.length && receiver.accepted().length >= expected.length;
    }, 'every event delivered');
    // A moment more: a repeat would come now. The log is read again, since the new gateway may log more of the agent's
    // events meanwhile: each of those too must come once, after the others.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await waitFor(async () => {
      expected = await agentEventIds(after);
      return receiver.accepted().length >= expected.length;
    }, 'the later events delivered');
    expect(receiver.accepted().map((delivery) => delivery.body.id)).toEqual(expected);
    expect(receiver.forged()).toBe(0);
  });
});

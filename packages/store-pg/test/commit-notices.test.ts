import { EVENT_LOG_SIGNAL, type NewEventLogEntry } from '@pbx-gateway/core';
import knex, { type Knex } from 'knex';
import { Client } from 'pg';
import { createPgStore, type PgStore } from '../src';
import { CommitNoticeSender } from '../src/commit-notices';
import { MAILBOX_NOTICE_CHANNEL } from '../src/mailbox-notice';
import { agent, at, deferred, openStore, session, settledWithin, type OpenStore } from './fixtures';
import { roundTripsDuring } from './support/round-trips';

const entry = (type: string): NewEventLogEntry => ({ at: at('2024-05-01T09:00:00.000Z'), tenant: null, topic: 'agents', type, data: { agentId: '4000' } });

const isNotice = (text: string): boolean => /pg_notify|NOTIFY/i.test(text);

/** Waits until the store's listening connection is up: its first wait is released once it listens. */
async function listening(store: PgStore): Promise<void> {
  await store.mailboxSignals.wait('warm-up', 'events', 10_000);
}

// A NOTIFY inside a transaction serialises every notifying COMMIT in the cluster behind one lock held through the
// commit's WAL flush; the store sends the notices after the commit instead, merged, one statement in flight.
describe('notices of committed appends', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['4000', '4001']) {
      await ctx.store.direct.agents.upsert(agent(id));
      await ctx.store.direct.sessions.insert(session(id));
    }
    await listening(ctx.store);
  });
  afterAll(() => ctx.dispose());

  it('sends no notice inside an agent command’s transaction, and one after its COMMIT that wakes the readers', async () => {
    const version = ctx.store.mailboxSignals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
    const logWaiter = ctx.store.mailboxSignals.wait(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel, 10_000, undefined, version);
    const mailboxWaiter = ctx.store.mailboxSignals.wait('4000', 'events', 10_000);
    const sent = await roundTripsDuring(async () => {
      await ctx.store.transaction(async (tx) => {
        const locked = (await tx.sessions.lock('4000'))!;
        await tx.sessions.update({ ...locked, state: 'paused', pauseReason: 'BREAK' });
        await tx.mailbox.append('4000', 'events', { state: 'paused' });
        await tx.eventLog.append([entry('AgentStateChanged')]);
      });
      expect(await settledWithin(Promise.all([logWaiter, mailboxWaiter]), 5_000)).toBe('settled');
    });
    const commitAt = sent.findIndex((text) => /COMMIT$/.test(text));
    expect(commitAt).toBeGreaterThan(0);
    expect(sent.slice(0, commitAt + 1).filter(isNotice)).toEqual([]);
    // Both notices in one statement after the COMMIT.
    expect(sent.slice(commitAt + 1).filter(isNotice)).toHaveLength(1);
    expect(await ctx.store.direct.mailbox.takeNext('4000', 'events')).toEqual({ state: 'paused' });
  });

  it('sends nothing for a transaction that rolls back', async () => {
    const waiter = ctx.store.mailboxSignals.wait('4001', 'events', 10_000);
    const sent = await roundTripsDuring(async () => {
      await expect(
        ctx.store.transaction(async (tx) => {
          await tx.mailbox.append('4001', 'events', { n: 'never' });
          await tx.eventLog.append([entry('Never')]);
          throw new Error('abandon');
        }),
      ).rejects.toThrow('abandon');
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    expect(sent.filter(isNotice)).toEqual([]);
    expect(await settledWithin(waiter, 300)).toBe('pending');
    expect(await ctx.store.direct.mailbox.takeNext('4001', 'events')).toBeNull();
  });

  it('wakes the waiters of another gateway on the same database', async () => {
    const other = createPgStore({ connectionString: ctx.url, onError: (error) => ctx.errors.push(error) });
    try {
      await listening(other);
      const waiting = other.mailboxSignals.wait('4001', 'events', 10_000);
      expect(await settledWithin(waiting, 100)).toBe('pending');
      await ctx.store.transaction((tx) => tx.mailbox.append('4001', 'events', { n: 1 }));
      expect(await settledWithin(waiting, 5_000)).toBe('settled');
      expect(await other.direct.mailbox.takeNext('4001', 'events')).toEqual({ n: 1 });
    } finally {
      await other.close();
    }
  });

  it('merges the notices of transactions that commit together: fewer statements than commits, every waiter woken', async () => {
    const agents = Array.from({ length: 40 }, (_, index) => `41${String(index).padStart(2, '0')}`);
    const waiters = agents.map((id) => ctx.store.mailboxSignals.wait(id, 'events', 10_000));
    const sent = await roundTripsDuring(async () => {
      await Promise.all(agents.map((id) => ctx.store.transaction((tx) => tx.mailbox.append(id, 'events', { id }))));
      expect(await settledWithin(Promise.all(waiters), 5_000)).toBe('settled');
    });
    const notices = sent.filter(isNotice);
    expect(notices.length).toBeGreaterThanOrEqual(1);
    expect(notices.length).toBeLessThan(agents.length);
    for (const id of agents) expect(await ctx.store.direct.mailbox.takeNext(id, 'events')).toEqual({ id });
  });

  it('sends what is pending when the store closes', async () => {
    const closing = await openStore();
    const received: string[] = [];
    const listener = await sqlListener(closing.url, (payload) => received.push(payload));
    try {
      await closing.store.direct.mailbox.append('4200', 'events', {});
      await closing.store.close();
      await waitFor(() => received.length > 0);
      expect(received).toEqual([JSON.stringify(['4200', 'events'])]);
    } finally {
      await listener.end();
      await closing.dispose();
    }
  });
});

describe('the notice sender', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('retries a send that failed, with what came meanwhile, until Postgres takes it', async () => {
    const received: string[] = [];
    const listener = await sqlListener(ctx.url, (payload) => received.push(payload));
    // The sender runs its statements through this executor: the first one fails as a lost connection would.
    const realDb = connectKnex(ctx.url);
    let failures = 1;
    const flaky = {
      raw: (text: string, bindings: unknown[]) => {
        if (failures > 0) {
          failures -= 1;
          return Promise.reject(Object.assign(new Error('connection terminated'), { code: '57P01' }));
        }
        return realDb.raw(text, bindings as Knex.RawBinding[]);
      },
    } as unknown as Knex;
    const errors: Error[] = [];
    const sender = new CommitNoticeSender(flaky, (error) => errors.push(error), { retryMinMs: 50, retryMaxMs: 50 });
    try {
      sender.announce([{ agentId: '5000', channel: 'events' }]);
      sender.announce([{ agentId: '5001', channel: 'events' }]);
      await waitFor(() => received.length >= 2);
      expect(received.sort()).toEqual([JSON.stringify(['5000', 'events']), JSON.stringify(['5001', 'events'])]);
      expect(errors.map((error) => error.message)).toEqual([expect.stringMatching(/^commit notices: sending failed, retrying in 50 ms: connection terminated/)]);
    } finally {
      await sender.close();
      await listener.end();
      await realDb.destroy();
    }
  });

  it('sends a burst announced while a send is in flight as one statement', async () => {
    const gate = deferred();
    const statements: unknown[][] = [];
    const realDb = connectKnex(ctx.url);
    const gated = {
      raw: async (text: string, bindings: unknown[]) => {
        statements.push(bindings);
        if (statements.length === 1) await gate.promise;
        return realDb.raw(text, bindings as Knex.RawBinding[]);
      },
    } as unknown as Knex;
    const sender = new CommitNoticeSender(gated, () => undefined);
    try {
      sender.announce([{ agentId: '6000', channel: 'events' }]);
      for (let n = 0; n < 20; n += 1) sender.announce([{ agentId: '6001', channel: 'events' }, { agentId: `61${n}`, channel: 'events' }]);
      gate.resolve();
      await sender.close();
      expect(statements).toHaveLength(2);
      expect(statements[0]).toEqual([MAILBOX_NOTICE_CHANNEL, [JSON.stringify(['6000', 'events'])]]);
      // Duplicates merged: 6001 once, and the twenty others.
      expect((statements[1]?.[1] as string[]).length).toBe(21);
    } finally {
      await realDb.destroy();
    }
  });
});

function connectKnex(url: string): Knex {
  return knex({ client: 'pg', connection: url, pool: { min: 0, max: 2 } });
}

/** A LISTEN connection of its own, outside any store. */
async function sqlListener(url: string, onPayload: (payload: string) => void): Promise<{ end(): Promise<void> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  client.on('notification', (notice) => {
    if (notice.channel === MAILBOX_NOTICE_CHANNEL && notice.payload !== undefined) onPayload(notice.payload);
  });
  await client.query(`LISTEN ${MAILBOX_NOTICE_CHANNEL}`);
  return { end: () => client.end() };
}

async function waitFor(condition: () => boolean): Promise<void> {
  const until = Date.now() + 5_000;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

import type { EventLogPage, JsonObject, NewEventLogEntry } from '@pbx-gateway/core';
import { agent, at, openStore, session, type OpenStore } from './fixtures';
import { roundTripsDuring } from './support/round-trips';

const entry = (type: string, data: JsonObject = { agentId: '3000' }): NewEventLogEntry => ({
  at: at('2024-05-01T09:00:00.000Z'),
  tenant: null,
  topic: 'agents',
  type,
  data,
});


/** Reads once no committed entry waits any more (another transaction on the server may hold entries back). */
async function settled(ctx: OpenStore, after: string): Promise<EventLogPage> {
  const until = Date.now() + 10_000;
  for (;;) {
    const page = await ctx.store.direct.eventLog.readAfter(after, { topics: [] }, 100);
    if (!page.held || Date.now() > until) return page;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// An agent command's transaction: the session locked, updated, its events appended. Once the lock has given the
// transaction its id, the append waits for the COMMIT and goes with it, so that the whole command is two round trips.
describe('the event log in a transaction that holds a session lock', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['3000', '3001', '3002']) {
      await ctx.store.direct.agents.upsert(agent(id));
      await ctx.store.direct.sessions.insert(session(id));
    }
    // 3000 belongs to a queue: pausing it pauses the membership too, in the same COMMIT string.
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'ringall', active: true, mohClass: 'default', maxWaitSec: null });
    await ctx.store.direct.queues.putMember('sales', { agentId: '3000', penalty: 0, membership: 'dynamic' });
  });
  afterAll(() => ctx.dispose());

  it('sends the lock with BEGIN, then the updates and the entries with COMMIT: two round trips', async () => {
    const start = await ctx.store.direct.eventLog.lastId();
    const sent = await roundTripsDuring(() =>
      ctx.store.transaction(async (tx) => {
        const locked = (await tx.sessions.lock('3000'))!;
        await tx.sessions.update({ ...locked, state: 'paused', pauseReason: 'LUNCH' });
        await tx.queues.setPausedForAgent('3000', true);
        await tx.eventLog.append([entry('AgentStateChanged')]);
      }),
    );
    // The log's notice goes after the COMMIT, on a connection of its own (commit-notices.test.ts): not one of the two.
    const trips = sent.filter((text) => !text.startsWith('SELECT pg_notify'));
    expect(trips).toHaveLength(2);
    expect(trips[0]).toMatch(/^BEGIN;\nSELECT agent_sessions\.\*,/);
    // The session's state span is logged with its update, in the same round trip.
    expect(trips[1]).toMatch(
      /^UPDATE agent_sessions SET [^;]*;\nWITH open_span AS \([^;]*INSERT INTO agent_state_spans [^;]*;\nUPDATE queue_members SET paused = 'true' WHERE agent_id = '3000';\nINSERT INTO event_log [^;]*;\nCOMMIT$/,
    );
    expect((await settled(ctx, start)).entries.map((row) => row.type)).toEqual(['AgentStateChanged']);
    expect(await ctx.store.direct.sessions.get('3000')).toMatchObject({ state: 'paused', pauseReason: 'LUNCH' });
    expect((await ctx.store.direct.queues.get('sales'))?.members).toEqual([expect.objectContaining({ agentId: '3000', paused: true })]);
  });

  it('keeps the entries in the place of the transaction that locked first, though they are sent at its COMMIT', async () => {
    const start = await ctx.store.direct.eventLog.lastId();
    let appended!: () => void;
    let mayCommit!: () => void;
    const earlierAppended = new Promise<void>((resolve) => (appended = resolve));
    const commitAllowed = new Promise<void>((resolve) => (mayCommit = resolve));
    const earlier = ctx.store.transaction(async (tx) => {
      await tx.sessions.lock('3001');
      await tx.eventLog.append([entry('Earlier', { agentId: '3001' })]);
      appended();
      await commitAllowed;
    });
    await earlierAppended;
    await ctx.store.transaction(async (tx) => tx.eventLog.append([entry('Later', { agentId: '3002' })]));

    // The earlier transaction holds its id: what came after it waits, and a reader resumes from where it was.
    const between = await ctx.store.direct.eventLog.readAfter(start, { topics: [] }, 100);
    expect(between.entries).toEqual([]);
    expect(between.held).toBe(true);

    mayCommit();
    await earlier;
    expect((await settled(ctx, start)).entries.map((row) => row.type)).toEqual(['Earlier', 'Later']);
  });

  it('undoes the session update with entries that fail at the COMMIT, and says so', async () => {
    const start = await ctx.store.direct.eventLog.lastId();
    await expect(
      ctx.store.transaction(async (tx) => {
        const locked = (await tx.sessions.lock('3002'))!;
        await tx.sessions.update({ ...locked, state: 'paused', pauseReason: 'NEVER' });
        // Not an object: the table's check refuses it, when the COMMIT's string reaches it.
        await tx.eventLog.append([entry('Refused', ['not', 'an', 'object'] as unknown as JsonObject)]);
      }),
    ).rejects.toThrow(/check constraint/);
    expect(await ctx.store.direct.sessions.get('3002')).toMatchObject({ state: 'ready', pauseReason: null });
    expect((await settled(ctx, start)).entries).toEqual([]);
  });
});

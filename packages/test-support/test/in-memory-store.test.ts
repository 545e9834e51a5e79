import type { AgentSession, Cdr, NewCdr } from '@pbx-gateway/core';
import { FakeClock, FakeTimers, agent, InMemoryStore } from '../src';
import { call } from '../src/store-contract/rows';

const T0 = new Date('2024-03-01T09:00:00Z');

/** A store holding agents 1000 and 1001 and calls c1 and c2, which sessions and CDRs belong to. */
async function newStore(): Promise<{ store: InMemoryStore; clock: FakeClock }> {
  const clock = new FakeClock(T0);
  const store = new InMemoryStore({ timers: new FakeTimers(clock) });
  for (const id of ['1000', '1001']) await store.direct.agents.upsert(agent(id));
  for (const id of ['c1', 'c2']) await store.direct.calls.insert(call(id));
  return { store, clock };
}

function session(agentId: string, overrides: Partial<AgentSession> = {}): AgentSession {
  return {
    agentId,
    sessionId: `s-${agentId}`,
    state: 'ready',
    pauseReason: null,
    pauseLimitSec: null,
    stateBeforeCall: null,
    device: `PJSIP/${agentId}`,
    phoneNumber: agentId,
    conference: null,
    serverIp: '127.0.0.1',
    campaignId: null,
    currentCallId: null,
    lead: null,
    previewLeadId: null,
    pendingDisposition: null,
    pendingPause: null,
    pendingWrapUp: false,
    pendingLogout: false,
    screenRefresh: null,
    timerAction: null,
    blended: true,
    afterCall: 'ready',
    autoAnswer: false,
    answerOnRequest: false,
    eventPush: null,
    loginVia: 'ccgateway',
    loggedInAt: T0,
    lastSeenAt: T0,
    stateChangedAt: T0,
    ...overrides,
  };
}

function cdr(callId: string): NewCdr {
  return {
    callId,
    purpose: 'click_to_call',
    direction: 'outbound',
    tenant: null,
    agentId: null,
    fromNumber: '100',
    toNumber: '200',
    extension: '100',
    startedAt: T0,
    answeredAt: null,
    endedAt: T0,
    durationSec: 0,
    billsec: 0,
    hangupCause: 16,
    hangupCauseText: 'Normal Clearing',
    hangupSide: 'caller',
    recordingFile: null,
    pressedKey: null,
    leadId: null,
    data: {},
  };
}

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
};

describe('in-memory store', () => {
  it('commits every write of a transaction at its end, and none when it throws', async () => {
    const { store } = await newStore();
    const inside = gate();
    const done = store.transaction(async (tx) => {
      await tx.agents.upsert(agent('1000'));
      await tx.sessions.insert(session('1000'));
      expect(await tx.sessions.get('1000')).toMatchObject({ agentId: '1000' });
      await inside.promise;
    });
    await flush();
    expect(await store.direct.sessions.get('1000')).toBeNull();
    inside.open();
    await done;
    expect(await store.direct.sessions.get('1000')).toMatchObject({ agentId: '1000' });

    await expect(
      store.transaction(async (tx) => {
        await tx.sessions.update(session('1000', { state: 'paused' }));
        await tx.agents.upsert(agent('1002'));
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await store.direct.sessions.get('1000')).toMatchObject({ state: 'ready' });
    expect(await store.direct.agents.get('1002')).toBeNull();
    expect(store.commits).toBe(1);
    expect(store.rollbacks).toBe(1);
  });

  it('makes a second transaction wait for a row lock until the first ends, then shows it the new row', async () => {
    const { store } = await newStore();
    await store.direct.sessions.insert(session('1000'));
    const release = gate();
    const order: string[] = [];
    const first = store.transaction(async (tx) => {
      await tx.sessions.lock('1000');
      order.push('first locked');
      await release.promise;
      await tx.sessions.update(session('1000', { state: 'paused' }));
      order.push('first done');
    });
    await flush();
    const second = store.transaction(async (tx) => {
      const seen = await tx.sessions.lock('1000');
      order.push(`second saw ${seen?.state}`);
    });
    const direct = store.direct.sessions.touch('1000', new Date(T0.getTime() + 5000)).then(() => order.push('touched'));
    await flush();
    expect(order).toEqual(['first locked']);
    release.open();
    await Promise.all([first, second, direct]);
    expect(order).toEqual(['first locked', 'first done', 'second saw paused', 'touched']);
    expect(await store.direct.sessions.get('1000')).toMatchObject({ state: 'paused', lastSeenAt: new Date(T0.getTime() + 5000) });
  });

  it('detects two transactions waiting for each other', async () => {
    const { store } = await newStore();
    await store.direct.sessions.insert(session('1000'));
    await store.direct.sessions.insert(session('1001'));
    const bothLocked = gate();
    let locked = 0;
    const lockThenOther = (mine: string, other: string) =>
      store.transaction(async (tx) => {
        await tx.sessions.lock(mine);
        locked += 1;
        if (locked === 2) bothLocked.open();
        await bothLocked.promise;
        await tx.sessions.lock(other);
      });
    const results = await Promise.allSettled([lockThenOther('1000', '1001'), lockThenOther('1001', '1000')]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(String((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(/deadlock/);
  });

  it('keeps one CDR per call, also across transactions committing together', async () => {
    const { store } = await newStore();
    const first = await store.direct.cdrs.insert(cdr('c1'));
    expect(first.id).toBe(1);
    await expect(store.direct.cdrs.insert(cdr('c1'))).rejects.toThrow(/cdrs_call_id_key/);

    const both = gate();
    const write = () =>
      store.transaction(async (tx) => {
        await tx.cdrs.insert(cdr('c2'));
        await both.promise;
      });
    const racing = Promise.allSettled([write(), write()]);
    await flush();
    both.open();
    const results = await racing;
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await store.direct.cdrs.list()).map((row: Cdr) => row.callId)).toEqual(['c1', 'c2']);
  });

  it('refuses a duplicate key, but lets a transaction replace a row it deleted', async () => {
    const { store } = await newStore();
    await store.direct.sessions.insert(session('1000'));
    await expect(store.direct.sessions.insert(session('1000'))).rejects.toThrow(/duplicate key/);
    await store.transaction(async (tx) => {
      await tx.sessions.delete('1000', new Date());
      await tx.sessions.insert(session('1000', { sessionId: 's-new' }));
    });
    expect((await store.direct.sessions.get('1000'))!.sessionId).toBe('s-new');
  });

  it('hands out copies: changing a returned row changes nothing stored', async () => {
    const { store } = await newStore();
    await store.direct.sessions.insert(session('1000'));
    const read = (await store.direct.sessions.get('1000'))!;
    read.state = 'paused';
    read.lastSeenAt.setTime(0);
    expect(await store.direct.sessions.get('1000')).toMatchObject({ state: 'ready', lastSeenAt: T0 });
  });

  it('refuses the repositories of a transaction that has ended', async () => {
    const { store } = await newStore();
    let leaked: Parameters<Parameters<InMemoryStore['transaction']>[0]>[0] | null = null;
    await store.transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.sessions.get('1000')).rejects.toThrow(/transaction already ended/);
  });

  it('runs after-commit hooks on commit only', async () => {
    const { store } = await newStore();
    const ran: string[] = [];
    await store.transaction(async (tx) => store.afterCommit(tx, () => ran.push('committed')));
    await store
      .transaction(async (tx) => {
        store.afterCommit(tx, () => ran.push('rolled back'));
        throw new Error('x');
      })
      .catch(() => undefined);
    expect(ran).toEqual(['committed']);
  });

  it('leases claimed outbox messages until the lease ends', async () => {
    const { store, clock } = await newStore();
    const message = await store.direct.outbox.add({ topic: 't', url: 'http://x', body: 'b', headers: { a: '1' } }, clock.now());
    expect(message).toMatchObject({ id: '1', attempts: 0, nextAttemptAt: T0, deliveredAt: null });
    const lease = new Date(T0.getTime() + 30_000);
    expect(await store.direct.outbox.claimDue(T0, 10, lease)).toEqual([{ ...message, nextAttemptAt: lease }]);
    expect(await store.direct.outbox.claimDue(new Date(T0.getTime() + 29_999), 10, lease)).toEqual([]);
    expect(await store.direct.outbox.claimDue(lease, 10, new Date(lease.getTime() + 30_000))).toHaveLength(1);
    await store.direct.outbox.markDelivered(message.id, lease);
    expect(await store.direct.outbox.claimDue(new Date(lease.getTime() + 60_000), 10, lease)).toEqual([]);
    expect(await store.direct.outbox.countPending()).toBe(0);
  });

  it('keeps mailbox messages in order per agent and channel', async () => {
    const { store } = await newStore();
    await store.direct.mailbox.append('1000', 'c', 1);
    await store.direct.mailbox.append('1001', 'c', 2);
    await store.direct.mailbox.append('1000', 'c', 3);
    expect(await store.direct.mailbox.takeNext('1000', 'c')).toBe(1);
    expect(await store.direct.mailbox.takeNext('1000', 'c')).toBe(3);
    expect(await store.direct.mailbox.takeNext('1000', 'c')).toBeNull();
    await store.direct.mailbox.clear('1001', 'c');
    expect(await store.direct.mailbox.takeNext('1001', 'c')).toBeNull();
  });

  it('wakes a mailbox waiter on commit, on its timeout, or on abort', async () => {
    const { store, clock } = await newStore();
    const woken: string[] = [];
    void store.mailboxSignals.wait('1000', 'c', 1000, undefined).then(() => woken.push('commit'));
    await store.transaction(async (tx) => {
      await tx.mailbox.append('1000', 'c', 'x');
      await flush();
      expect(woken).toEqual([]);
    });
    await flush();
    expect(woken).toEqual(['commit']);

    void store.mailboxSignals.wait('1000', 'c', 1000).then(() => woken.push('timeout'));
    clock.advance(999);
    await flush();
    expect(woken).toEqual(['commit']);
    clock.advance(1);
    await flush();
    expect(woken).toEqual(['commit', 'timeout']);

    const abort = new AbortController();
    void store.mailboxSignals.wait('1000', 'c', 1000, abort.signal).then(() => woken.push('abort'));
    abort.abort();
    await flush();
    expect(woken).toEqual(['commit', 'timeout', 'abort']);
    expect(store.mailboxSignals.waiting).toBe(0);
  });
});

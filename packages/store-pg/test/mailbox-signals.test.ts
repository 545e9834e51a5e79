import { getEventListeners, setMaxListeners } from 'node:events';
import { deferred, openStore, settledWithin, type OpenStore } from './fixtures';

const elapsed = async (work: Promise<unknown>): Promise<number> => {
  const started = Date.now();
  await work;
  return Date.now() - started;
};

const activeTimers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('mailbox signals', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    // The listening connection opens on the first wait, which it wakes once
    // it listens (a notice sent before then would be lost): proof it is ready.
    expect(await elapsed(ctx.store.mailboxSignals.wait('warm-up', 'events', 10_000))).toBeLessThan(5_000);
  });
  afterAll(() => ctx.dispose());

  it('wakes a waiter when an append to its mailbox commits', async () => {
    const waiting = ctx.store.mailboxSignals.wait('1000', 'events', 10_000);
    expect(await settledWithin(waiting, 100)).toBe('pending');
    await ctx.store.direct.mailbox.append('1000', 'events', { n: 1 });
    expect(await settledWithin(waiting, 2_000)).toBe('settled');
    expect(await ctx.store.direct.mailbox.takeNext('1000', 'events')).toEqual({ n: 1 });
  });

  it('does not lose a notice that lands between reading the version and waiting', async () => {
    const since = ctx.store.mailboxSignals.version('1010', 'events');
    // The poll has looked into the mailbox and found it empty; the message commits before it waits.
    await ctx.store.direct.mailbox.append('1010', 'events', { n: 1 });
    await ctx.store.transaction(async () => undefined);
    const moved = await (async () => {
      for (let tries = 0; tries < 100 && ctx.store.mailboxSignals.version('1010', 'events') === since; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return ctx.store.mailboxSignals.version('1010', 'events') !== since;
    })();
    expect(moved).toBe(true);
    expect(await elapsed(ctx.store.mailboxSignals.wait('1010', 'events', 10_000, undefined, since))).toBeLessThan(1_000);
    // Waiting from the current version waits again.
    const now = ctx.store.mailboxSignals.version('1010', 'events');
    expect(await settledWithin(ctx.store.mailboxSignals.wait('1010', 'events', 10_000, undefined, now), 100)).toBe('pending');
  });

  it('wakes nobody for a rolled-back append, and only after commit for a committed one', async () => {
    const waiting = ctx.store.mailboxSignals.wait('1001', 'events', 10_000);
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.mailbox.append('1001', 'events', { n: 'rolled back' });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await settledWithin(waiting, 500)).toBe('pending');

    const appended = deferred();
    const commit = deferred();
    const writing = ctx.store.transaction(async (tx) => {
      await tx.mailbox.append('1001', 'events', { n: 'committed' });
      appended.resolve();
      await commit.promise;
    });
    await appended.promise;
    expect(await settledWithin(waiting, 300)).toBe('pending');
    commit.resolve();
    await writing;
    expect(await settledWithin(waiting, 2_000)).toBe('settled');
    expect(await ctx.store.direct.mailbox.takeNext('1001', 'events')).toEqual({ n: 'committed' });
  });

  it('wakes only the waiters of the agent and channel appended to', async () => {
    const sameAgentOtherChannel = ctx.store.mailboxSignals.wait('1002', 'other', 10_000);
    const otherAgent = ctx.store.mailboxSignals.wait('1003', 'events', 10_000);
    const first = ctx.store.mailboxSignals.wait('1002', 'events', 10_000);
    const second = ctx.store.mailboxSignals.wait('1002', 'events', 10_000);
    await ctx.store.direct.mailbox.append('1002', 'events', { n: 1 });
    await Promise.all([first, second]);
    expect(await settledWithin(sameAgentOtherChannel, 300)).toBe('pending');
    expect(await settledWithin(otherAgent, 1)).toBe('pending');
    await ctx.store.direct.mailbox.append('1002', 'other', {});
    await ctx.store.direct.mailbox.append('1003', 'events', {});
    await Promise.all([sameAgentOtherChannel, otherAgent]);
  });

  it('resolves on timeout when nothing arrives', async () => {
    const took = await elapsed(ctx.store.mailboxSignals.wait('1004', 'events', 250));
    expect(took).toBeGreaterThanOrEqual(240);
    expect(took).toBeLessThan(2_000);
    expect(await elapsed(ctx.store.mailboxSignals.wait('1004', 'events', 0))).toBeLessThan(50);
  });

  it('resolves on abort, and at once when already aborted', async () => {
    const controller = new AbortController();
    const waiting = ctx.store.mailboxSignals.wait('1005', 'events', 10_000, controller.signal);
    expect(await settledWithin(waiting, 100)).toBe('pending');
    controller.abort();
    expect(await settledWithin(waiting, 100)).toBe('settled');
    expect(await elapsed(ctx.store.mailboxSignals.wait('1005', 'events', 10_000, controller.signal))).toBeLessThan(50);
  });

  it('leaves no timer and no abort listener behind, however a wait ends', async () => {
    const controller = new AbortController();
    setMaxListeners(50, controller.signal);
    const timersBefore = activeTimers();
    const woken = Array.from({ length: 30 }, () => ctx.store.mailboxSignals.wait('1006', 'events', 60_000, controller.signal));
    const aborted = new AbortController();
    const abortedWait = ctx.store.mailboxSignals.wait('1006', 'other', 60_000, aborted.signal);
    expect(activeTimers()).toBeGreaterThanOrEqual(timersBefore + 31);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(30);

    await ctx.store.direct.mailbox.append('1006', 'events', {});
    await Promise.all(woken);
    aborted.abort();
    await abortedWait;
    await ctx.store.mailboxSignals.wait('1006', 'events', 20, controller.signal);

    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    expect(activeTimers()).toBeLessThan(timersBefore + 5);
  });

  it('releases every waiter when the store closes', async () => {
    const other = await openStore();
    const waiting = other.store.mailboxSignals.wait('1007', 'events', 60_000);
    await other.dispose();
    expect(await settledWithin(waiting, 100)).toBe('settled');
    expect(await elapsed(other.store.mailboxSignals.wait('1007', 'events', 60_000))).toBeLessThan(50);
  });
});

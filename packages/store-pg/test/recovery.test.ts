import { startTcpProxy, testServerUrl, type TcpProxy } from '@pbx-gateway/test-support';
import { createPgStore, type PgStore } from '../src';
import { agent, call, deferred, openStore, session, settledWithin, sql, type OpenStore } from './fixtures';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** How a call ended and how long it took; never waits forever. */
async function outcome(work: Promise<unknown>, limitMs = 8_000): Promise<{ ok: boolean; ms: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'hung'>((resolve) => {
    timer = setTimeout(() => resolve('hung'), limitMs);
  });
  const settled = await Promise.race([
    work.then(
      () => true,
      () => false,
    ),
    limit,
  ]);
  clearTimeout(timer);
  if (settled === 'hung') throw new Error(`call still pending after ${limitMs} ms`);
  return { ok: settled, ms: Date.now() - started };
}

/** Polls until `probe` holds, failing after `limitMs`. */
async function eventually(probe: () => Promise<boolean>, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await sleep(50);
  }
}

const listening = async (url: string): Promise<boolean> => {
  const rows = await sql(url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'pbx-gateway-listener' AND query LIKE 'LISTEN%'");
  return rows.length > 0;
};

/** Calls the store until one succeeds; each attempt must settle promptly. */
async function recovers(store: PgStore): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const { ok, ms } = await outcome(store.direct.agents.get('1000'));
    expect(ms).toBeLessThan(6_000);
    if (ok) return;
    await sleep(100);
  }
  throw new Error('store did not recover');
}

describe('recovery', () => {
  it('survives its backends being terminated: calls settle promptly and the pool and listener come back', async () => {
    const ctx: OpenStore = await openStore({ pool: { max: 4 } });
    const { store } = ctx;
    try {
      await store.direct.agents.upsert(agent('1000'));
      await store.direct.sessions.insert(session('1000'));
      await Promise.all(Array.from({ length: 4 }, () => store.direct.agents.get('1000')));
      await store.mailboxSignals.wait('warm-up', 'events', 5_000);
      await eventually(() => listening(ctx.url));

      const locked = deferred();
      const resume = deferred();
      const inFlight = store.transaction(async (tx) => {
        await tx.sessions.lock('1000');
        locked.resolve();
        await resume.promise;
        await tx.sessions.touch('1000', new Date());
      });
      await locked.promise;

      const terminated = await sql<{ pid: number }>(
        ctx.url,
        `WITH victims AS MATERIALIZED (
           SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         )
         SELECT pid FROM victims WHERE pg_terminate_backend(pid)`,
      );
      expect(terminated.length).toBeGreaterThanOrEqual(3);

      resume.resolve();
      const broken = await outcome(inFlight);
      expect(broken.ok).toBe(false);
      expect(broken.ms).toBeLessThan(3_000);

      for (let n = 0; n < 6; n += 1) expect((await outcome(store.direct.calls.get('none'))).ms).toBeLessThan(3_000);
      await recovers(store);
      expect(await store.ping()).toBe(true);
      await store.transaction((tx) => tx.calls.insert(call('after-terminate')));
      expect(await store.direct.calls.get('after-terminate')).not.toBeNull();
      // The lock of the broken transaction died with its backend.
      expect(await outcome(store.transaction((tx) => tx.sessions.lock('1000')))).toMatchObject({ ok: true });

      await eventually(() => listening(ctx.url));
      const waiting = store.mailboxSignals.wait('1000', 'events', 10_000);
      expect(await settledWithin(waiting, 200)).toBe('pending');
      await store.direct.mailbox.append('1000', 'events', { after: 'reconnect' });
      expect(await settledWithin(waiting, 2_000)).toBe('settled');
      expect(ctx.errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/^mailbox listener lost its connection/));
    } finally {
      await ctx.dispose();
    }
  });

  describe('through a relay that plays the network', () => {
    let proxy: TcpProxy;
    let ctx: OpenStore;
    let store: PgStore;
    const errors: Error[] = [];

    beforeAll(async () => {
      ctx = await openStore();
      await ctx.store.direct.agents.upsert(agent('1000'));
      const server = new URL(testServerUrl());
      proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
      store = createPgStore({
        connectionString: proxy.rewrite(ctx.url),
        pool: { max: 1 },
        onError: (error) => errors.push(error),
        timeouts: { connectMs: 800, statementMs: 500, queryMs: 700, acquireMs: 1_500 },
      });
    });

    afterAll(async () => {
      await store.close();
      await proxy.close();
      await ctx.dispose();
    });

    it('rejects promptly while Postgres is away, and recovers when it is back', async () => {
      expect(await store.direct.agents.get('1000')).not.toBeNull();
      await store.mailboxSignals.wait('warm-up', 'events', 5_000);
      await eventually(() => listening(ctx.url));

      await proxy.stop();
      for (let n = 0; n < 3; n += 1) {
        const result = await outcome(store.direct.agents.get('1000'));
        expect(result.ok).toBe(false);
        expect(result.ms).toBeLessThan(2_500);
      }
      expect(await outcome(store.ping())).toMatchObject({ ok: true });
      expect(await store.ping()).toBe(false);
      const waiting = store.mailboxSignals.wait('1000', 'events', 30_000);

      await proxy.start();
      await recovers(store);
      expect(await store.ping()).toBe(true);
      // Back online, the listener wakes its waiters: notices may have been missed meanwhile.
      expect(await settledWithin(waiting, 8_000)).toBe('settled');
      await eventually(() => listening(ctx.url));
      const next = store.mailboxSignals.wait('1000', 'events', 30_000);
      expect(await settledWithin(next, 200)).toBe('pending');
      await store.direct.mailbox.append('1000', 'events', { back: true });
      expect(await settledWithin(next, 2_000)).toBe('settled');
    });

    it('gives up on a peer that stops answering and replaces that connection once it answers again', async () => {
      expect(await store.direct.agents.get('1000')).not.toBeNull();
      proxy.freeze();
      const frozen = await outcome(store.direct.agents.get('1000'));
      expect(frozen.ok).toBe(false);
      expect(frozen.ms).toBeLessThan(2_500);
      proxy.thaw();
      // With a pool of one, success proves the stuck connection was not handed out again.
      const thawed = await outcome(store.direct.agents.get('1000'));
      expect(thawed).toMatchObject({ ok: true });
    });
  });

  it('rejects promptly when nothing listens where Postgres should be, and never hangs on close', async () => {
    const errors: Error[] = [];
    const store = createPgStore({ connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none', onError: (error) => errors.push(error) });
    const get = await outcome(store.direct.agents.get('1000'));
    expect(get.ok).toBe(false);
    expect(get.ms).toBeLessThan(2_000);
    const tx = await outcome(store.transaction((t) => t.agents.get('1000')));
    expect(tx.ok).toBe(false);
    expect(await store.ping()).toBe(false);
    await store.mailboxSignals.wait('1000', 'events', 100);
    expect((await outcome(store.close())).ms).toBeLessThan(3_000);
  });
});

import { RecordingLogger } from '@pbx-gateway/test-support';
import { startOutboxDispatcher } from '../src/callbacks/outbox-dispatcher';

const IDLE_MS = 200;

/**
 * A core whose delivery rounds fail while the database is away and deliver
 * `pending` callbacks one round each once it is back; each round's start is kept.
 */
function deliveringCore(now: () => number) {
  const rounds: number[] = [];
  let databaseAway = false;
  let pending = 0;
  return {
    rounds,
    setDatabaseAway: (away: boolean) => {
      databaseAway = away;
    },
    hold: (count: number) => {
      pending += count;
    },
    core: {
      async deliverDueCallbacks(): Promise<number> {
        rounds.push(now());
        if (databaseAway) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
        if (pending === 0) return 0;
        pending -= 1;
        return 1;
      },
    },
  };
}

const gaps = (times: readonly number[]): number[] => times.slice(1).map((at, i) => at - times[i]!);

describe('the outbox dispatcher', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('rests idleMs after an empty round and goes again at once after a delivering one', async () => {
    const world = deliveringCore(() => Date.now());
    const dispatcher = startOutboxDispatcher(world.core, new RecordingLogger(), { idleMs: IDLE_MS });
    await jest.advanceTimersByTimeAsync(IDLE_MS * 2);
    expect(world.rounds).toEqual([0, 200, 400]);
    world.hold(2);
    await jest.advanceTimersByTimeAsync(IDLE_MS);
    // 600 delivers, the next round at once delivers the second, the one after finds nothing and rests.
    expect(world.rounds).toEqual([0, 200, 400, 600, 600, 600]);
    const stopping = dispatcher.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopping;
  });

  it('while the database is away rests longer after each failed round, never more than 5 s, and delivers within 5 s of its return', async () => {
    const world = deliveringCore(() => Date.now());
    const logger = new RecordingLogger();
    world.setDatabaseAway(true);
    const dispatcher = startOutboxDispatcher(world.core, logger, { idleMs: IDLE_MS });
    await jest.advanceTimersByTimeAsync(60_000);
    expect(gaps(world.rounds).slice(0, 7)).toEqual([400, 800, 1600, 3200, 5000, 5000, 5000]);
    expect(Math.max(...gaps(world.rounds))).toBe(5000);
    expect(logger.messages('warn')).toHaveLength(world.rounds.length);
    expect(new Set(logger.messages('warn'))).toEqual(new Set(['callback delivery round failed']));

    const back = Date.now();
    world.setDatabaseAway(false);
    world.hold(1);
    const failedRounds = world.rounds.length;
    await jest.advanceTimersByTimeAsync(5000);
    const [firstBack] = world.rounds.slice(failedRounds);
    expect(firstBack! - back).toBeLessThanOrEqual(5000);
    // The round after a success rests idleMs again, not the failures' rest.
    await jest.advanceTimersByTimeAsync(IDLE_MS * 2);
    expect(gaps(world.rounds.slice(failedRounds)).slice(0, 3)).toEqual([0, IDLE_MS, IDLE_MS]);
    const stopping = dispatcher.stop();
    await jest.advanceTimersByTimeAsync(0);
    await stopping;
  });
});

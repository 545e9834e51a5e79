import { SharedRead } from '../src/kernel/shared-read';

/** A value that changes on every write, read slowly enough for others to ask meanwhile. */
function slowSource() {
  const source = {
    version: 0,
    reads: 0,
    gates: [] as Array<() => void>,
    read: async (): Promise<number> => {
      source.reads += 1;
      const seen = source.version;
      await new Promise<void>((resolve) => source.gates.push(resolve));
      return seen;
    },
    /** Lets the oldest read waiting finish. */
    finishOne(): void {
      const gate = source.gates.shift();
      if (!gate) throw new Error('no read is waiting');
      gate();
    },
  };
  return source;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('SharedRead', () => {
  test('callers who ask while a read is in flight share the next read, started after they asked', async () => {
    const source = slowSource();
    const shared = new SharedRead(source.read);

    const first = shared.get();
    await turn();
    source.version = 1; // written after the first read began: the first caller need not see it
    const second = shared.get();
    const third = shared.get();
    expect(source.reads).toBe(1);

    source.finishOne();
    expect(await first).toBe(0);
    await turn();
    expect(source.reads).toBe(2);
    source.finishOne();
    expect(await second).toBe(1);
    expect(await third).toBe(1);
    expect(source.reads).toBe(2);
  });

  test('a caller after a read has ended gets a new read, never a kept result', async () => {
    const source = slowSource();
    const shared = new SharedRead(source.read);

    const first = shared.get();
    await turn();
    source.finishOne();
    expect(await first).toBe(0);

    source.version = 2;
    const later = shared.get();
    await turn();
    source.finishOne();
    expect(await later).toBe(2);
    expect(source.reads).toBe(2);
  });

  test('a failed read fails the callers sharing it, and the next caller reads again', async () => {
    let fail = true;
    let reads = 0;
    const shared = new SharedRead(async () => {
      reads += 1;
      if (fail) throw new Error('connection lost');
      return 'listing';
    });

    const failing = [shared.get(), shared.get(), shared.get()];
    const outcomes = await Promise.allSettled(failing);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(reads).toBe(2);

    fail = false;
    await expect(shared.get()).resolves.toBe('listing');
    expect(reads).toBe(3);
  });
});

import { OwnerQueue, ownerOf } from '../src';

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

describe('OwnerQueue', () => {
  it('runs the work of one owner one piece at a time, in arrival order', async () => {
    const queue = new OwnerQueue();
    const log: string[] = [];
    const first = gate();
    const a = queue.run('agent-1', async () => {
      log.push('a start');
      await first.promise;
      log.push('a end');
      return 'a';
    });
    const b = queue.run('agent-1', async () => {
      log.push('b');
      return 'b';
    });
    const c = queue.run('agent-1', async () => {
      log.push('c');
      return 'c';
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['a start']);
    first.open();
    await expect(Promise.all([a, b, c])).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a start', 'a end', 'b', 'c']);
  });

  it('lets different owners run in parallel', async () => {
    const queue = new OwnerQueue();
    const blocked = gate();
    const log: string[] = [];
    const slow = queue.run('agent-1', async () => {
      await blocked.promise;
      log.push('agent-1');
    });
    await queue.run('agent-2', async () => {
      log.push('agent-2');
    });
    expect(log).toEqual(['agent-2']);
    blocked.open();
    await slow;
    expect(log).toEqual(['agent-2', 'agent-1']);
  });

  it('does not let a failure block the work queued behind it', async () => {
    const queue = new OwnerQueue();
    const failing = queue.run('call-1', async () => {
      throw new Error('boom');
    });
    const next = queue.run('call-1', async () => 'still runs');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still runs');
  });

  it('passes a synchronous throw of the work to its caller only', async () => {
    const queue = new OwnerQueue();
    const failing = queue.run('call-1', () => {
      throw new Error('sync');
    });
    await expect(failing).rejects.toThrow('sync');
    await expect(queue.run('call-1', async () => 1)).resolves.toBe(1);
  });

  it('forgets an owner once its work is done', async () => {
    const queue = new OwnerQueue();
    await queue.run('agent-1', async () => undefined);
    await Promise.resolve();
    expect(queue.busyOwners).toBe(0);
  });
});

describe('ownerOf', () => {
  it.each([
    ['agent-1000.conference', 'agent-1000'],
    ['agent-1000.id-7.1', 'agent-1000'],
    ['agent-1000.pb-id-3', 'agent-1000'],
    ['3f2a-77.2', '3f2a-77'],
    ['3f2a-77.bridge', '3f2a-77'],
    ['no-dot', 'no-dot'],
  ])('%s belongs to %s', (resourceId, owner) => {
    expect(ownerOf(resourceId)).toBe(owner);
  });
});

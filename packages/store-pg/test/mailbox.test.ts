import type { JsonValue } from '@pbx-gateway/core';
import { openStore, type OpenStore } from './fixtures';

describe('agent mailbox', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('hands messages out first in, first out, per agent and channel', async () => {
    const box = ctx.store.direct.mailbox;
    await box.append('1000', 'events', { event: 'AgentState_Ready' });
    await box.append('1001', 'events', { event: 'other agent' });
    await box.append('1000', 'other-channel', { event: 'other channel' });
    await box.append('1000', 'events', { event: 'AgentOther_PhoneAlerting', n: 2 });
    await box.append('1000', 'events', { event: 'AgentOther_PhoneOff', n: 3 });

    expect(await box.takeNext('1000', 'events')).toEqual({ event: 'AgentState_Ready' });
    expect(await box.takeNext('1000', 'events')).toEqual({ event: 'AgentOther_PhoneAlerting', n: 2 });
    expect(await box.takeNext('1000', 'events')).toEqual({ event: 'AgentOther_PhoneOff', n: 3 });
    expect(await box.takeNext('1000', 'events')).toBeNull();
    expect(await box.takeNext('1001', 'events')).toEqual({ event: 'other agent' });
    expect(await box.takeNext('1000', 'other-channel')).toEqual({ event: 'other channel' });
  });

  it('keeps any JSON value as it was appended', async () => {
    const values: JsonValue[] = ['text', 42, true, [1, 'two', { three: 3 }], { nested: { list: [] } }];
    for (const value of values) await ctx.store.direct.mailbox.append('2000', 'any', value);
    const taken: Array<JsonValue | null> = [];
    for (let i = 0; i < values.length; i += 1) taken.push(await ctx.store.direct.mailbox.takeNext('2000', 'any'));
    expect(taken).toEqual(values);
  });

  it('gives each message to exactly one of several concurrent takers, oldest first', async () => {
    for (let n = 0; n < 20; n += 1) await ctx.store.direct.mailbox.append('3000', 'events', { n });
    const taken = await Promise.all(Array.from({ length: 25 }, () => ctx.store.direct.mailbox.takeNext('3000', 'events')));
    const numbers = taken.filter((m): m is { n: number } => m !== null).map((m) => m.n);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('clears one agent’s channel only', async () => {
    await ctx.store.direct.mailbox.append('4000', 'events', { n: 1 });
    await ctx.store.direct.mailbox.append('4000', 'events', { n: 2 });
    await ctx.store.direct.mailbox.append('4000', 'other', { n: 3 });
    await ctx.store.direct.mailbox.clear('4000', 'events');
    expect(await ctx.store.direct.mailbox.takeNext('4000', 'events')).toBeNull();
    expect(await ctx.store.direct.mailbox.takeNext('4000', 'other')).toEqual({ n: 3 });
  });

  it('keeps the message of a rolled-back take in the mailbox', async () => {
    await ctx.store.direct.mailbox.append('5000', 'events', { n: 1 });
    await expect(
      ctx.store.transaction(async (tx) => {
        expect(await tx.mailbox.takeNext('5000', 'events')).toEqual({ n: 1 });
        throw new Error('delivery failed');
      }),
    ).rejects.toThrow('delivery failed');
    expect(await ctx.store.direct.mailbox.takeNext('5000', 'events')).toEqual({ n: 1 });
  });
});

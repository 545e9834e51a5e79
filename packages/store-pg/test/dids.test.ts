import { newDid } from '@pbx-gateway/core';
import { openStore, type OpenStore } from './fixtures';

describe('dids', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'ringall', active: true, mohClass: 'default', maxWaitSec: null });
  });
  afterAll(() => ctx.dispose());

  it('adds a number with VICIdial’s defaults, refusing a pattern taken', async () => {
    const added = await ctx.store.direct.dids.insert(newDid('2125550100', { description: 'Main line' }));
    expect(added).toEqual({ ...newDid('2125550100', { description: 'Main line' }), id: expect.any(Number) });
    expect(await ctx.store.direct.dids.insert(newDid('2125550100'))).toBeNull();
    expect(await ctx.store.direct.dids.get('2125550100')).toEqual(added);
    expect(await ctx.store.direct.dids.get('none')).toBeNull();
    await ctx.store.direct.dids.insert(newDid('1125550100'));
    expect((await ctx.store.direct.dids.list()).map((did) => did.pattern)).toEqual(['2125550100', '1125550100']);
  });

  it('changes the fields given, routes to a queue, and removes', async () => {
    const changed = await ctx.store.direct.dids.update('2125550100', { route: 'IN_GROUP', queueName: 'sales', active: false, description: undefined });
    expect(changed).toMatchObject({ pattern: '2125550100', route: 'IN_GROUP', queueName: 'sales', active: false, description: 'Main line' });
    expect(await ctx.store.direct.dids.update('none', { active: true })).toBeNull();
    await expect(ctx.store.direct.dids.update('2125550100', { queueName: 'nope' })).rejects.toMatchObject({ code: '23503' });
    expect(await ctx.store.direct.dids.remove('2125550100')).toMatchObject({ pattern: '2125550100' });
    expect(await ctx.store.direct.dids.remove('2125550100')).toBeNull();
  });

  it('logs the calls to a number and reads them by period, oldest first', async () => {
    const at = (iso: string): Date => new Date(iso);
    const entry = { did: '3125550100', didId: 7, route: 'IN_GROUP', callerIdNumber: '5551234', callerIdName: 'Caller' };
    await ctx.store.direct.dids.appendLog({ ...entry, callId: 'b', calledAt: at('2026-03-02T10:00:00Z') });
    await ctx.store.direct.dids.appendLog({ ...entry, callId: 'a', calledAt: at('2026-03-02T09:00:00Z') });
    await ctx.store.direct.dids.appendLog({ ...entry, callId: 'c', calledAt: at('2026-03-03T00:00:00Z') });
    await ctx.store.direct.dids.appendLog({ ...entry, did: '999', callId: 'd', calledAt: at('2026-03-02T09:30:00Z') });
    const found = await ctx.store.direct.dids.findLog({ did: '3125550100', from: at('2026-03-02T00:00:00Z'), to: at('2026-03-03T00:00:00Z') }, 10);
    expect(found).toEqual([
      { ...entry, callId: 'a', calledAt: at('2026-03-02T09:00:00Z') },
      { ...entry, callId: 'b', calledAt: at('2026-03-02T10:00:00Z') },
    ]);
    expect(await ctx.store.direct.dids.findLog({ did: '3125550100', from: at('2026-03-01T00:00:00Z'), to: at('2026-03-04T00:00:00Z') }, 1)).toHaveLength(1);
  });
});

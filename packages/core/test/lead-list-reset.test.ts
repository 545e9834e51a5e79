import { calledAgainMark } from '../src';
import { createTestCore, newLead, type TestCore } from '@pbx-gateway/test-support';

// A lead's "called since the last reset" mark (the dialer's N, Y, Y1 …) and
// a list's reset: the marks back to N, the resets counted per day.

async function setup(): Promise<TestCore> {
  const t = await createTestCore({});
  await t.store.direct.leadLists.upsert({ id: 980, name: 'Reset', campaignId: 'TESTCAMP', active: true });
  await t.store.direct.leadLists.upsert({ id: 981, name: 'Other', campaignId: 'TESTCAMP', active: true });
  return t;
}

describe('the mark of one more dial', () => {
  it('is Y after N, Y1 after Y, one more after each Yn, and stays at Y10', () => {
    expect(['N', 'Y', 'Y1', 'Y9', 'Y10'].map(calledAgainMark)).toEqual(['Y', 'Y1', 'Y2', 'Y10', 'Y10']);
  });
});

describe('a list reset', () => {
  it('marks the list\'s leads not called, counts the reset on its day and changes the list now', async () => {
    const t = await setup();
    const called = await t.store.direct.leads.insert(newLead({ listId: 980, calledSinceLastReset: 'Y2', calledCount: 3 }));
    const elsewhere = await t.store.direct.leads.insert(newLead({ listId: 981, calledSinceLastReset: 'Y' }));
    await expect(t.core.resetLeadList({ listId: 980, day: '2024-05-01' })).resolves.toEqual({ leadsReset: 1, resetsThatDay: 1 });
    expect(await t.core.getLead(called.id)).toMatchObject({ calledSinceLastReset: 'N', calledCount: 3 });
    expect(await t.core.getLead(elsewhere.id)).toMatchObject({ calledSinceLastReset: 'Y' });
    expect((await t.core.getLeadList(980))?.changedAt?.getTime()).toBe(t.clock.now().getTime());
    await expect(t.core.resetLeadList({ listId: 980, day: '2024-05-01' })).resolves.toEqual({ leadsReset: 0, resetsThatDay: 2 });
    await expect(t.core.resetLeadList({ listId: 980, day: '2024-05-02' })).resolves.toEqual({ leadsReset: 0, resetsThatDay: 1 });
    expect((await t.core.getLeadList(980))?.lastReset).toEqual({ day: '2024-05-02', count: 1 });
  });

  it('of a list that is not there does nothing', async () => {
    const t = await setup();
    await expect(t.core.resetLeadList({ listId: 989, day: '2024-05-01' })).resolves.toBeNull();
  });

  it('counts the leads its campaign would dial: not called since, of its statuses, under its call limit', async () => {
    const t = await setup();
    await t.store.direct.leads.insert(newLead({ listId: 980 }));
    await t.store.direct.leads.insert(newLead({ listId: 980, calledSinceLastReset: 'Y' }));
    await t.store.direct.leads.insert(newLead({ listId: 980, status: 'NA', calledCount: 4 }));
    await t.store.direct.leads.insert(newLead({ listId: 980, status: 'SALE' }));
    expect(await t.core.countDialableLeads(980, { statuses: ['NEW', 'NA'], calledFewerThan: null })).toBe(2);
    expect(await t.core.countDialableLeads(980, { statuses: ['NEW', 'NA'], calledFewerThan: 4 })).toBe(1);
    expect(await t.core.countDialableLeads(981, { statuses: ['NEW', 'NA'], calledFewerThan: null })).toBe(0);
  });
});

import { createTestCore } from '@pbx-gateway/test-support';

describe('do-not-call numbers', () => {
  it('are added once and removed once, each list apart', async () => {
    const t = await createTestCore({});
    const campaign = { phoneNumber: '3125550000', scope: { kind: 'campaign', campaignId: 'TESTCAMP' } } as const;
    const system = { phoneNumber: '3125550000', scope: { kind: 'system' } } as const;
    expect(await t.core.addDncNumber(campaign)).toBe(true);
    expect(await t.core.addDncNumber(campaign)).toBe(false);
    expect(await t.core.removeDncNumber(system)).toBe(false);
    expect(await t.core.addDncNumber(system)).toBe(true);
    expect(await t.core.removeDncNumber(campaign)).toBe(true);
    expect(await t.core.removeDncNumber(campaign)).toBe(false);
    expect(await t.core.removeDncNumber(system)).toBe(true);
  });
});

import { DomainError } from '../src';
import { createTestCore } from '@pbx-gateway/test-support';

describe("the engine's devices", () => {
  it('are listed as the engine reports them', async () => {
    const t = await createTestCore();
    t.pbx.endpointList = [{ endpoint: 'PJSIP/100', technology: 'PJSIP', resource: '100', online: true, channelIds: [] }];
    await expect(t.core.pbxEndpoints()).resolves.toEqual(t.pbx.endpointList);
  });

  it('cannot be read while the engine is away: PBX_UNAVAILABLE, never the port error', async () => {
    const t = await createTestCore();
    t.pbx.setAvailable(false);
    const error = await t.core.pbxEndpoints().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('PBX_UNAVAILABLE');
  });
});

import { DomainError } from '../src';
import { createTestCore, extension, trunk } from '@pbx-gateway/test-support';

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

describe('device registrations', () => {
  it('lists every extension by id, then every trunk by id, each with whether the engine reaches its endpoint', async () => {
    const t = await createTestCore({
      directory: {
        extensions: [extension(7, '102', { endpoint: 'PJSIP/sip102', sipUsername: 'sip102' }), extension(5, '100', { endpoint: 'PJSIP/sip100', sipUsername: 'sip100' })],
        trunks: [trunk(2, { name: 'o2', dialTemplate: 'PJSIP/{number}@o2' }), trunk(1, { name: 'upc', dialTemplate: 'PJSIP/{number}@upc' })],
      },
    });
    t.pbx.endpointList = [
      { endpoint: 'PJSIP/sip100', technology: 'PJSIP', resource: 'sip100', online: true, channelIds: [] },
      { endpoint: 'PJSIP/sip102', technology: 'PJSIP', resource: 'sip102', online: false, channelIds: [] },
      { endpoint: 'PJSIP/upc', technology: 'PJSIP', resource: 'upc', online: true, channelIds: [] },
    ];
    await expect(t.core.deviceRegistrations()).resolves.toEqual([
      { kind: 'extension', id: 5, user: 'sip100', endpoint: 'PJSIP/sip100', state: 'online' },
      { kind: 'extension', id: 7, user: 'sip102', endpoint: 'PJSIP/sip102', state: 'offline' },
      { kind: 'trunk', id: 1, user: 'upc', endpoint: 'PJSIP/upc', state: 'online' },
      { kind: 'trunk', id: 2, user: 'o2', endpoint: 'PJSIP/o2', state: 'absent' },
    ]);
  });

  it('cannot be read while the engine is away: PBX_UNAVAILABLE', async () => {
    const t = await createTestCore();
    t.pbx.setAvailable(false);
    await expect(t.core.deviceRegistrations()).rejects.toMatchObject({ code: 'PBX_UNAVAILABLE' });
  });
});

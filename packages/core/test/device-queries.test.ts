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
  it('lists every extension by id, then every trunk by id, each with whether the engine reaches its endpoint and its contacts (newest first)', async () => {
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
    const registered = { uri: 'sip:sip100@192.0.2.10:5062', origin: 'registered' as const, host: '192.0.2.10', port: 5062, uriHost: '192.0.2.10', userAgent: 'snom870' };
    const carrier = { uri: 'sip:carrier.example.net:5060', origin: 'configured' as const, host: 'carrier.example.net', port: 5060, uriHost: 'carrier.example.net', userAgent: '' };
    t.pbx.contactsByAor.set('sip100', { qualified: true, contacts: [registered] });
    t.pbx.contactsByAor.set('upc', { qualified: false, contacts: [carrier] });
    await expect(t.core.deviceRegistrations()).resolves.toEqual([
      { kind: 'extension', id: 5, user: 'sip100', endpoint: 'PJSIP/sip100', state: 'online', qualified: true, contacts: [registered] },
      { kind: 'extension', id: 7, user: 'sip102', endpoint: 'PJSIP/sip102', state: 'offline', qualified: false, contacts: [] },
      { kind: 'trunk', id: 1, user: 'upc', endpoint: 'PJSIP/upc', state: 'online', qualified: false, contacts: [carrier] },
      { kind: 'trunk', id: 2, user: 'o2', endpoint: 'PJSIP/o2', state: 'absent', qualified: false, contacts: [] },
    ]);
  });

  it('cannot be read while the engine is away: PBX_UNAVAILABLE', async () => {
    const t = await createTestCore();
    t.pbx.setAvailable(false);
    await expect(t.core.deviceRegistrations()).rejects.toMatchObject({ code: 'PBX_UNAVAILABLE' });
  });
});

import { createHash } from 'node:crypto';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession } from './support/ari-session';

/**
 * res_pjsip's objects made at runtime through ARI's dynamic configuration,
 * as Asterisk 22.10.1 with the project's sorcery.conf answers (measured live
 * in differential/config-objects.fidelity): a phone that exists once its
 * endpoint does, registers with the password its auth's digest checks, and
 * goes with its endpoint.
 */
const OBJECTS = '/asterisk/config/dynamic/res_pjsip';
const tuples = (fields: Record<string, string>) => ({ fields: Object.entries(fields).map(([attribute, value]) => ({ attribute, value })) });
const valueOf = (body: unknown, attribute: string): string | undefined => (body as Array<{ attribute: string; value: string }>).find((tuple) => tuple.attribute === attribute)?.value;
const md5 = (text: string): string => createHash('md5').update(text).digest('hex');

describe('runtime PJSIP objects', () => {
  let sim: PbxSim;
  let ari: AriSession;

  beforeAll(async () => {
    sim = await startPbxSim({ phones: [{ resource: '1000' }], trunks: ['upc'] });
    ari = new AriSession(sim.url);
  });

  afterAll(async () => {
    await sim.close();
  });

  it('an endpoint made at runtime is a phone of the network: offline, registering with its auth\'s password only, gone when deleted', async () => {
    const auth = await ari.expect(200, 'PUT', `${OBJECTS}/auth/7001`, {}, tuples({ auth_type: 'digest', username: '7001', realm: 'asterisk', password_digest: `MD5:${md5('7001:asterisk:pw')}` }));
    expect(auth).toHaveLength(12);
    expect(valueOf(auth, 'password')).toBe('');
    expect(valueOf(auth, 'md5_cred')).toBe(md5('7001:asterisk:pw'));
    await ari.expect(200, 'PUT', `${OBJECTS}/aor/7001`, {}, tuples({ max_contacts: '1', qualify_frequency: '30' }));
    const endpoint = await ari.expect(200, 'PUT', `${OBJECTS}/endpoint/7001`, {}, tuples({ context: 'from-phones', disallow: 'all', allow: 'ulaw,alaw', direct_media: 'no', auth: '7001', aors: '7001' }));
    expect(endpoint).toHaveLength(138);
    expect([valueOf(endpoint, 'allow'), valueOf(endpoint, 'direct_media'), valueOf(endpoint, 'context')]).toEqual(['(ulaw|alaw)', 'false', 'from-phones']);
    expect(await ari.expect(200, 'GET', '/endpoints/PJSIP/7001')).toEqual({ technology: 'PJSIP', resource: '7001', state: 'offline', channel_ids: [] });

    await expect(sim.control.registerPhone('7001', { host: '192.0.2.30', port: 5070, userAgent: 'desk', password: 'other' })).rejects.toThrow(/refused/);
    await sim.control.registerPhone('7001', { host: '192.0.2.30', port: 5070, userAgent: 'desk', password: 'pw' });
    expect(await ari.expect(200, 'GET', '/endpoints/PJSIP/7001')).toMatchObject({ state: 'online' });
    expect(valueOf(await ari.expect(200, 'GET', `${OBJECTS}/aor/7001`), 'contact')).toBe('sip:7001@192.0.2.30:5070');

    // A changed endpoint keeps what it was not given; its caller id comes back as Asterisk reads it back.
    const changed = await ari.expect(200, 'PUT', `${OBJECTS}/endpoint/7001`, {}, tuples({ context: 'other' }));
    expect([valueOf(changed, 'context'), valueOf(changed, 'allow'), valueOf(changed, 'callerid')]).toEqual(['other', '(ulaw|alaw)', 'unknown']);

    await ari.expect(204, 'DELETE', `${OBJECTS}/endpoint/7001`);
    await ari.expect(404, 'GET', '/endpoints/PJSIP/7001');
    await ari.expect(204, 'DELETE', `${OBJECTS}/aor/7001`);
    await ari.expect(204, 'DELETE', `${OBJECTS}/auth/7001`);
    expect((await ari.call('DELETE', `${OBJECTS}/auth/7001`)).body).toEqual({ message: "Object with id '7001' not found" });
  });

  it.each([
    ['an auth without a password', 'PUT', 'auth/7002', tuples({ username: '7002' }), 400, { message: "Creation of object '7002' failed field value validation" }],
    ['a digest that is not one', 'PUT', 'auth/7002', tuples({ username: '7002', password_digest: 'MD5:zz' }), 400, { message: "Creation of object '7002' failed field value validation" }],
    ['an unknown attribute', 'PUT', 'endpoint/7002', tuples({ bogus: '1' }), 400, { message: "Creation of object '7002' failed field value validation" }],
    ['a number that is none', 'PUT', 'aor/7002', tuples({ max_contacts: 'abc' }), 400, { message: "Creation of object '7002' failed field value validation" }],
    ["pjsip.conf's endpoint", 'PUT', 'endpoint/1000', tuples({ context: 'x' }), 403, { message: "Cannot update sorcery objects of type 'endpoint'" }],
    ["deleting pjsip.conf's AOR", 'DELETE', 'aor/1000', undefined, 403, { message: "Could not delete object with id '1000'" }],
    ["the trunk's auth", 'PUT', 'auth/upc-auth', tuples({}), 403, { message: "Cannot update sorcery objects of type 'auth'" }],
    ['a type without a writable store', 'PUT', 'identify/7003', tuples({ endpoint: '1000', match: '192.0.2.1' }), 403, { message: "Cannot create sorcery objects of type 'identify'" }],
    ['an unknown type', 'PUT', 'nothing/7003', tuples({}), 404, { message: "objectType 'nothing' not found" }],
  ])('%s: %s %s answers %s', async (_why, method, path, body, status, answer) => {
    const reply = await ari.call(method, `${OBJECTS}/${path}`, {}, body);
    expect({ status: reply.status, body: reply.body }).toEqual({ status, body: answer });
  });

  it('an endpoint created without codecs cannot be changed', async () => {
    await ari.expect(200, 'PUT', `${OBJECTS}/endpoint/7004`, {}, tuples({ context: 'a' }));
    const reply = await ari.call('PUT', `${OBJECTS}/endpoint/7004`, {}, tuples({ context: 'b' }));
    expect({ status: reply.status, body: reply.body }).toEqual({ status: 500, body: { error: 'Allocation failed' } });
    await ari.expect(204, 'DELETE', `${OBJECTS}/endpoint/7004`);
  });
});

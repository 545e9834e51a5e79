import { PbxFailure, type NewPhone, type PbxDevice } from '../src';
import { createTestCore, type TestCore } from '@pbx-gateway/test-support';

const SERVER = '127.0.0.1';
const newPhone = (extension: string, changes: Partial<NewPhone> = {}): NewPhone => ({
  extension,
  serverIp: SERVER,
  dialplanNumber: extension,
  voicemailId: extension,
  login: `login${extension}`,
  pass: 'loginpw',
  protocol: 'SIP',
  registrationPassword: 'regpw',
  fullName: `Phone ${extension}`,
  email: '',
  context: 'default',
  outboundCid: '',
  active: true,
  userGroup: '---ALL---',
  attributes: {},
  ...changes,
});
const devicesPut = (t: TestCore): PbxDevice[] => t.pbx.named('putDevice').filter((record) => !record.failed).map((record) => record.args[0] as PbxDevice);
const devicesRemoved = (t: TestCore): string[] => t.pbx.named('removeDevice').map((record) => record.args[0] as string);

describe('adding a phone', () => {
  it('stores it with both passwords hashed and puts its device on the engine under the engine\'s credential', async () => {
    const t = await createTestCore();
    const outcome = await t.core.addPhone(newPhone('5501'));
    expect(outcome).toMatchObject({ outcome: 'added' });
    const stored = (await t.core.getPhone('5501', SERVER))!;
    expect(stored.passHash).toBe(await t.hasher.hash('loginpw'));
    expect(stored.registrationCredential).toBe(t.pbx.deviceCredential('5501', 'regpw'));
    // The test core's hasher is readable; the registration password must not be there in any form.
    expect(JSON.stringify(stored)).not.toContain('regpw');
    expect(devicesPut(t)).toEqual([{ resource: '5501', username: '5501', credential: stored.registrationCredential }]);
    expect(t.pbx.devices.has('5501')).toBe(true);
  });

  it('refuses another server, an extension on the server, a login in use; nothing is put', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    await expect(t.core.addPhone(newPhone('5502', { serverIp: '10.0.9.9' }))).resolves.toEqual({ outcome: 'no_such_server' });
    await expect(t.core.addPhone(newPhone('5501', { login: 'other' }))).resolves.toEqual({ outcome: 'extension_taken' });
    await expect(t.core.addPhone(newPhone('5503', { login: 'login5501' }))).resolves.toEqual({ outcome: 'login_taken' });
    expect(devicesPut(t).map((device) => device.resource)).toEqual(['5501']);
  });

  it('a phone that is no SIP device of the engine (IAX2, no password, inactive) is only stored', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5511', { protocol: 'IAX2' }));
    await t.core.addPhone(newPhone('5512', { registrationPassword: '' }));
    await t.core.addPhone(newPhone('5513', { active: false }));
    expect((await t.core.listPhones()).map((phone) => phone.extension)).toEqual(['5511', '5512', '5513']);
    expect(t.pbx.named('putDevice')).toEqual([]);
  });

  it('the engine refuses the device: PBX_REJECTED, the phone is taken out again and what the engine made is removed', async () => {
    const t = await createTestCore();
    t.pbx.failNext('putDevice', new PbxFailure('rejected', "Cannot update sorcery objects of type 'auth'", 403));
    await expect(t.core.addPhone(newPhone('1000'))).rejects.toMatchObject({ code: 'PBX_REJECTED' });
    expect(await t.core.getPhone('1000', SERVER)).toBeNull();
    expect(devicesRemoved(t)).toEqual(['1000']);
  });

  it('the engine away: PBX_UNAVAILABLE at once, nothing stored', async () => {
    const t = await createTestCore();
    t.pbx.setAvailable(false);
    await expect(t.core.addPhone(newPhone('5501'))).rejects.toMatchObject({ code: 'PBX_UNAVAILABLE' });
    expect(await t.core.getPhone('5501', SERVER)).toBeNull();
  });
});

describe('changing and removing a phone', () => {
  it('a new registration password puts the device with its new credential; a login of another phone is refused', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    await t.core.addPhone(newPhone('5502'));
    await expect(t.core.updatePhone({ extension: '5501', serverIp: SERVER, changes: { login: 'login5502' } })).resolves.toEqual({ outcome: 'login_taken' });
    const outcome = await t.core.updatePhone({ extension: '5501', serverIp: SERVER, changes: { registrationPassword: 'newpw', attributes: { local_gmt: '1.00' } } });
    expect(outcome).toMatchObject({ outcome: 'updated', phone: { registrationCredential: t.pbx.deviceCredential('5501', 'newpw'), attributes: { local_gmt: '1.00' } } });
    expect(devicesPut(t).at(-1)).toEqual({ resource: '5501', username: '5501', credential: t.pbx.deviceCredential('5501', 'newpw') });
    await expect(t.core.updatePhone({ extension: '5599', serverIp: SERVER, changes: {} })).resolves.toEqual({ outcome: 'not_found' });
  });

  it('made inactive, its device goes; active again, it comes back; refused, the phone stays as it was', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    await t.core.updatePhone({ extension: '5501', serverIp: SERVER, changes: { active: false } });
    expect(devicesRemoved(t)).toEqual(['5501']);
    expect(t.pbx.devices.has('5501')).toBe(false);
    t.pbx.failNext('putDevice');
    await expect(t.core.updatePhone({ extension: '5501', serverIp: SERVER, changes: { active: true, fullName: 'Renamed' } })).rejects.toMatchObject({ code: 'PBX_REJECTED' });
    expect(await t.core.getPhone('5501', SERVER)).toMatchObject({ active: false, fullName: 'Phone 5501' });
    await t.core.updatePhone({ extension: '5501', serverIp: SERVER, changes: { active: true } });
    expect(t.pbx.devices.has('5501')).toBe(true);
  });

  it('removed, its device goes; refused by the engine, the phone stays', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    t.pbx.failNext('removeDevice');
    await expect(t.core.removePhone({ extension: '5501', serverIp: SERVER })).rejects.toMatchObject({ code: 'PBX_REJECTED' });
    expect(await t.core.getPhone('5501', SERVER)).not.toBeNull();
    expect(await t.core.removePhone({ extension: '5501', serverIp: SERVER })).toMatchObject({ extension: '5501' });
    expect(await t.core.getPhone('5501', SERVER)).toBeNull();
    expect(t.pbx.devices.has('5501')).toBe(false);
    await expect(t.core.removePhone({ extension: '5501', serverIp: SERVER })).resolves.toBeNull();
  });
});

describe('phones and the engine restarting', () => {
  it('every active SIP phone of the server with a password is put again when the engine connects', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    await t.core.addPhone(newPhone('5502', { active: false }));
    await t.core.addPhone(newPhone('5503', { protocol: 'EXTERNAL' }));
    t.pbx.devices.clear();
    await t.emit({ type: 'pbx_connected', at: t.clock.now() });
    expect([...t.pbx.devices.keys()]).toEqual(['5501']);
  });
});

describe('phone aliases', () => {
  it('hold logins of phones that exist, in order; renamed, given other phones, removed', async () => {
    const t = await createTestCore();
    await t.core.addPhone(newPhone('5501'));
    await t.core.addPhone(newPhone('5502'));
    await expect(t.core.addPhoneAlias({ id: 'desks', name: 'Desks', logins: ['login5502', 'nobody'] })).resolves.toEqual({ outcome: 'unknown_login', login: 'nobody' });
    await expect(t.core.addPhoneAlias({ id: 'desks', name: 'Desks', logins: ['login5502', 'login5501'] })).resolves.toEqual({ outcome: 'done' });
    await expect(t.core.addPhoneAlias({ id: 'desks', name: 'Again', logins: ['login5501'] })).resolves.toEqual({ outcome: 'alias_taken' });
    await expect(t.core.updatePhoneAlias({ id: 'desks', name: 'Front desks' })).resolves.toEqual({ outcome: 'done' });
    expect(await t.core.getPhoneAlias('desks')).toEqual({ id: 'desks', name: 'Front desks', logins: ['login5502', 'login5501'] });
    await expect(t.core.updatePhoneAlias({ id: 'nope', name: 'x' })).resolves.toEqual({ outcome: 'not_found' });
    expect(await t.core.removePhoneAlias('desks')).toBe(true);
    expect(await t.core.removePhoneAlias('desks')).toBe(false);
  });
});

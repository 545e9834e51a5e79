import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { PbxFailure } from '@pbx-gateway/core';
import { registerSipPhone, startAsterisk, waitFor, type RunningAsterisk } from '@pbx-gateway/test-support';
import { deviceContacts } from '../src/commands/device-contacts';
import { createAriPbx } from '../src/ari-pbx';
import type { AriParams, AriRestCall } from '../src/ari-operations';

/**
 * A device's contacts on the real Asterisk 22.10.1, and pbx-sim answering
 * the same requests the same way: the AOR object lists its contacts
 * (registered first), a registered contact is an object of its own with
 * where the REGISTER came from and the user agent, a configured one is not.
 * ARI's global variable read does not evaluate dialplan functions, which is
 * why the adapter reads the objects.
 */
let asterisk: RunningAsterisk;
let sim: PbxSim;
beforeAll(async () => {
  asterisk = await startAsterisk();
  sim = await startPbxSim({ phones: [{ resource: 'sip101' }, { resource: 'sip102' }], trunks: ['upc'] });
}, 60000);
afterAll(async () => {
  await sim?.close();
  await asterisk?.close();
});

type Tuple = { attribute: string; value: string };
const simGet = async (path: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${sim.url}/ari${path}`, { headers: { authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` } });
  return { status: response.status, body: await response.json() };
};
const object = (type: string, id: string): string => `/asterisk/config/dynamic/res_pjsip/${type}/${encodeURIComponent(id)}`;
const contactId = (aor: string, uri: string): string => `${aor};@${createHash('md5').update(uri).digest('hex')}`;
const names = (body: unknown): string[] => (body as Tuple[]).map((tuple) => tuple.attribute);
const valueOf = (body: unknown, attribute: string): string[] => (body as Tuple[]).filter((t) => t.attribute === attribute).map((t) => t.value);

/** The adapter's own request function over a RunningAsterisk (the paths of getObject only). */
const asteriskCall: AriRestCall = async (operation, params: AriParams) => {
  if (operation !== 'asterisk.getObject') throw new Error(`not used here: ${operation}`);
  const answer = await asterisk.ari('GET', object(String(params.objectType), String(params.id)));
  if (answer.status === 404) throw new PbxFailure('not_found', JSON.stringify(answer.body), 404);
  return answer.body;
};

test('GET /asterisk/variable does not evaluate dialplan functions on Asterisk 22', async () => {
  const answer = await asterisk.ari('GET', '/asterisk/variable', { variable: 'PJSIP_AOR(sip101,contact)' });
  expect(answer).toEqual({ status: 200, body: { value: '' } });
});

test('a configured contact: the AOR lists its URI, and no contact object answers for it', async () => {
  const aor = await asterisk.ari('GET', object('aor', 'sip101'));
  expect(aor.status).toBe(200);
  const [uri] = valueOf(aor.body, 'contact');
  expect(uri).toBe(`sip:sip101@${asterisk.addresses.farEndHost}:${asterisk.addresses.farEndSipPort}`);
  expect(valueOf(aor.body, 'qualify_frequency')).toEqual(['30']);
  expect(await asterisk.ari('GET', object('contact', contactId('sip101', uri!)))).toEqual({
    status: 404,
    body: { message: `Object with id '${contactId('sip101', uri!)}' not found` },
  });
  const simAor = await simGet(object('aor', 'sip101'));
  expect(names(simAor.body)).toEqual(names(aor.body));
  expect(valueOf((await simGet(object('aor', 'upc'))).body, 'qualify_frequency')).toEqual(valueOf((await asterisk.ari('GET', object('aor', 'upc'))).body, 'qualify_frequency'));
});

test('an unknown AOR is 404 with the id named, on both', async () => {
  const expected = { status: 404, body: { message: "Object with id 'nosuch' not found" } };
  expect(await asterisk.ari('GET', object('aor', 'nosuch'))).toEqual(expected);
  expect(await simGet(object('aor', 'nosuch'))).toEqual(expected);
  for (const path of ['/asterisk/config/dynamic/nosuch/aor/sip101', '/asterisk/config/dynamic/res_pjsip/nosuch/sip101']) {
    expect(await simGet(path)).toEqual(await asterisk.ari('GET', path));
  }
});

test('a phone that registers: listed first, its contact object says where it came from and its user agent, as pbx-sim says', async () => {
  const phone = await registerSipPhone({ registrarHost: '127.0.0.1', registrarPort: asterisk.addresses.sipPort, user: 'sip102', password: 'sip102', userAgent: 'snom870/8.7.3.25.9' });
  try {
    const aor = await asterisk.ari('GET', object('aor', 'sip102'));
    expect(valueOf(aor.body, 'contact')).toEqual([phone.contact, `sip:sip102@${asterisk.addresses.farEndHost}:${asterisk.addresses.farEndSipPort}`]);
    const contact = await asterisk.ari('GET', object('contact', contactId('sip102', phone.contact)));
    expect(contact.status).toBe(200);
    expect(valueOf(contact.body, 'via_addr')).toEqual([phone.host]);
    expect(valueOf(contact.body, 'via_port')).toEqual([String(phone.port)]);
    expect(valueOf(contact.body, 'user_agent')).toEqual(['snom870/8.7.3.25.9']);
    expect(valueOf(contact.body, 'uri')).toEqual([phone.contact]);

    await expect(deviceContacts(asteriskCall, 'sip102')).resolves.toEqual({
      qualified: true,
      contacts: [
        { uri: phone.contact, origin: 'registered', host: phone.host, port: phone.port, uriHost: phone.host, userAgent: 'snom870/8.7.3.25.9' },
        { uri: `sip:sip102@${asterisk.addresses.farEndHost}:${asterisk.addresses.farEndSipPort}`, origin: 'configured', host: asterisk.addresses.farEndHost, port: asterisk.addresses.farEndSipPort, uriHost: asterisk.addresses.farEndHost, userAgent: '' },
      ],
    });

    await sim.control.registerPhone('sip102', { host: phone.host, port: phone.port, userAgent: 'snom870/8.7.3.25.9' });
    const simAor = await simGet(object('aor', 'sip102'));
    expect(names(simAor.body)).toEqual(names(aor.body));
    expect(valueOf(simAor.body, 'contact')[0]).toBe(phone.contact);
    const simContact = await simGet(object('contact', contactId('sip102', phone.contact)));
    expect(names(simContact.body)).toEqual(names(contact.body));
    for (const attribute of ['via_addr', 'via_port', 'user_agent', 'uri', 'endpoint', 'reg_server', 'path', 'qualify_frequency']) {
      expect(valueOf(simContact.body, attribute)).toEqual(valueOf(contact.body, attribute));
    }
  } finally {
    await phone.unregister();
    phone.close();
  }
  const after = await asterisk.ari('GET', object('aor', 'sip102'));
  expect(valueOf(after.body, 'contact')).toEqual([`sip:sip102@${asterisk.addresses.farEndHost}:${asterisk.addresses.farEndSipPort}`]);
});

test('ContactStatusChange: NonQualified, then Reachable with its round trip, then Removed, on Asterisk as on pbx-sim', async () => {
  const listen = async (url: string): Promise<{ statuses: () => Array<{ status: string; rtt: string }>; close: () => void }> => {
    const events: Array<{ type: string; contact_info?: { contact_status: string; roundtrip_usec: string } }> = [];
    const socket = new WebSocket(url);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    socket.on('message', (data) => events.push(JSON.parse(String(data))));
    return {
      statuses: () => events.filter((e) => e.type === 'ContactStatusChange').map((e) => ({ status: e.contact_info!.contact_status, rtt: e.contact_info!.roundtrip_usec })),
      close: () => socket.close(),
    };
  };
  const onAsterisk = await listen(`${asterisk.url.replace(/^http/, 'ws')}/ari/events?app=contacts&api_key=${asterisk.user}:${asterisk.password}`);
  const onSim = await listen(`${sim.url.replace(/^http/, 'ws')}/ari/events?app=contacts&api_key=gateway:gateway`);
  try {
    expect((await asterisk.ari('POST', '/applications/contacts/subscription', { eventSource: 'endpoint:PJSIP' })).status).toBe(200);
    const simSubscribe = await fetch(`${sim.url}/ari/applications/contacts/subscription?eventSource=endpoint:PJSIP`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from('gateway:gateway').toString('base64')}` },
    });
    expect(simSubscribe.status).toBe(200);

    const phone = await registerSipPhone({ registrarHost: '127.0.0.1', registrarPort: asterisk.addresses.sipPort, user: 'sip101', password: 'sip101', userAgent: 'Linphone/3.6.1' });
    await sim.control.registerPhone('sip101', { host: phone.host, port: phone.port, userAgent: 'Linphone/3.6.1' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await phone.unregister();
    phone.close();
    await sim.control.dropRegistration('sip101');
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const shape = (statuses: Array<{ status: string; rtt: string }>): string[] => statuses.map(({ status, rtt }) => `${status}:${rtt === '0' ? '0' : 'time'}`);
    expect(shape(onAsterisk.statuses())).toEqual(['NonQualified:0', 'Reachable:time', 'Removed:0']);
    expect(shape(onSim.statuses())).toEqual(shape(onAsterisk.statuses()));
  } finally {
    onAsterisk.close();
    onSim.close();
  }
});

test('the adapter keeps the round trip a registered contact became reachable with, and returns it with the contact, on Asterisk as on pbx-sim', async () => {
  const asteriskPbx = createAriPbx({ url: asterisk.url, user: asterisk.user, password: asterisk.password, app: 'rtt-gateway' });
  const simPbx = createAriPbx({ url: sim.url, user: 'gateway', password: 'gateway', app: 'rtt-gateway' });
  await asteriskPbx.start();
  await simPbx.start();
  const phone = await registerSipPhone({ registrarHost: '127.0.0.1', registrarPort: asterisk.addresses.sipPort, user: 'sip102', password: 'sip102', userAgent: 'snom870/8.7.3.25.9' });
  try {
    await sim.control.registerPhone('sip102', { host: phone.host, port: phone.port, userAgent: 'snom870/8.7.3.25.9' });
    const roundTrip = (pbx: typeof simPbx): Promise<number> =>
      waitFor(async () => (await pbx.deviceContacts('sip102'))?.contacts[0]?.roundtripUsec, 10000, 'the registered contact’s round trip');
    const onAsterisk = await roundTrip(asteriskPbx);
    expect(onAsterisk).toBeGreaterThan(0);
    expect(await roundTrip(simPbx)).toBe(1500);
    const [registered, configured] = (await asteriskPbx.deviceContacts('sip102'))!.contacts;
    expect(registered).toMatchObject({ uri: phone.contact, origin: 'registered', roundtripUsec: onAsterisk });
    expect(configured?.origin).toBe('configured');
  } finally {
    await phone.unregister();
    phone.close();
    await sim.control.dropRegistration('sip102');
    await asteriskPbx.stop();
    await simPbx.stop();
  }
});

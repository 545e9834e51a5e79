import { startTestGateway, testEngine, waitFor, type TestGateway } from '@pbx-gateway/test-support';
import { E100, expectWire } from '../support/wire-expect';

/**
 * sipstatus end to end: the demo tenant's extension lines 5, 6, 7 (sip100,
 * sip101, sip102, reached at the far end the configuration names) and trunk 1 (upc), plus extension 9 (sip100b)
 * whose phone the engine does not have, and an API user holding only
 * Call list.
 */
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({
    extraProvisioning: {
      apiUsers: [{ realm: 'voipsun', login: 'lister', secret: 'listpwd', permissions: ['Call list'] }],
      extensions: [{ id: 9, internalNumber: '109', publicNumber: '299299909', sipUsername: 'sip100b', dialplan: 'default' }],
    },
  });
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const SIPSTATUS = '/api/api.php?username=voipsun&password=secretpwd&action=sipstatus';

const peer = (id: number, user: string, host: string, port: number | string, status: string, useragent = '', regcontact = ''): string =>
  `{"id":${id * 10 + 2},"type":"extension_line","user":"${user}","host":"${host}","port":"${port}","status":"${status}","useragent":"${useragent}","regcontact":"${regcontact}","registry":null,"extension_line_id":"${id}"}`;
/** The trunk's configured host (pjsip.conf), not qualified: chan_sip's peer with a fixed host and qualify off. */
/**
 * A qualified line the engine reaches, before its contact changed while the gateway listened: plain `OK`.
 * pbx-sim's configured contacts never change; Asterisk's first qualify of one may come while the
 * gateway listens (it spreads them over the qualify period), and then tells its round trip.
 */
const REACHED = testEngine() === 'asterisk' ? /^OK( \(\d+ ms\))?$/ : /^OK$/;
const statusesOf = (text: string): string[] => (JSON.parse(text) as { results: Array<{ status: string }> }).results.map((result) => result.status);
/** The body with each status as the answer has it, once each matched what was expected of it. */
const withStatuses = (text: string, expected: ReadonlyArray<RegExp | string>): string[] => {
  const statuses = statusesOf(text);
  expect(statuses).toHaveLength(expected.length);
  statuses.forEach((status, index) => {
    const wanted = expected[index]!;
    if (typeof wanted === 'string') expect(status).toBe(wanted);
    else expect(status).toMatch(wanted);
  });
  return statuses;
};

const TRUNK = '{"id":11,"type":"sip","user":"upc","host":"carrier.example.net","port":"5060","status":"Unmonitored","useragent":"","regcontact":"","registry":null,"sip_id":"1"}';

test('…&action=sipstatus lists every extension line by id, then every trunk, with where the engine reaches it, in the document’s shape', async () => {
  const { host, port } = gateway.farEnd.phoneAddress();
  const answer = await gateway.http.get(SIPSTATUS);
  const [s5, s6, s7] = withStatuses(answer.text, [REACHED, REACHED, REACHED, 'UNKNOWN', 'Unmonitored']);
  const body = `{"total":5,"results":[${peer(5, 'sip100', host, port, s5!)},${peer(6, 'sip101', host, port, s6!)},${peer(7, 'sip102', host, port, s7!)},${peer(9, 'sip100b', '(Unspecified)', 0, 'UNKNOWN')},${TRUNK}],"success":true,"_debug":false}`;
  expectWire(answer, body);
});

test('a phone that registers itself shows where it registered from, its user agent, its contact and the round trip of its qualify, `OK (N ms)`; unregistered, the configured address again', async () => {
  const { host, port } = gateway.farEnd.phoneAddress();
  const phone = await gateway.farEnd.registerPhone('sip101', 'snom870/8.7.3.25.9');
  try {
    // The engine qualifies the new contact at once and tells its round trip in an event: the answer follows it.
    const answer = await waitFor(async () => {
      const reply = await gateway.http.get(SIPSTATUS);
      return /^OK \(\d+ ms\)$/.test(statusesOf(reply.text)[1] ?? '') && reply;
    }, 10000, 'the registered phone’s round trip');
    // pbx-sim's network answers a qualify in 1.5 ms, as loopback does: whole milliseconds, truncated.
    const [s5, s6, s7] = withStatuses(answer.text, [REACHED, testEngine() === 'asterisk' ? /^OK \(\d+ ms\)$/ : 'OK (1 ms)', REACHED, 'UNKNOWN', 'Unmonitored']);
    const registered = peer(6, 'sip101', phone.host, phone.port, s6!, 'snom870\\/8.7.3.25.9', phone.contact);
    const body = `{"total":5,"results":[${peer(5, 'sip100', host, port, s5!)},${registered},${peer(7, 'sip102', host, port, s7!)},${peer(9, 'sip100b', '(Unspecified)', 0, 'UNKNOWN')},${TRUNK}],"success":true,"_debug":false}`;
    expectWire(answer, body);
  } finally {
    await phone.unregister();
  }
  const after = await gateway.http.get(SIPSTATUS);
  const [, s6] = withStatuses(after.text, [REACHED, REACHED, REACHED, 'UNKNOWN', 'Unmonitored']);
  expect(after.text).toContain(peer(6, 'sip101', host, port, s6!));
});

test('originate’s checkIpHost and checkIpContact read the same registration: 210 and 211 name the phone’s real addresses', async () => {
  const phone = await gateway.farEnd.registerPhone('sip101', 'Linphone/3.6.1');
  try {
    const originate = (check: string): string => `/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenInternalNum=101&dstNum=800123456&${check}`;
    expectWire(
      await gateway.http.get(originate('checkIpHost=192.0.2.1')),
      `{"success":"false","errno":"210","reason":"SIP host IP address mismatch. Channel PJSIP/sip101 is registered from IP ${phone.host} but requested IP address is 192.0.2.1"}`,
    );
    expectWire(
      await gateway.http.get(originate(`checkIpHost=${phone.host}&checkIpContact=192.0.2.1`)),
      `{"success":"false","errno":"211","reason":"SIP host contact IP address mismatch. Contact IP address of the channel PJSIP/sip101 is ${phone.host}, but requested IP address is 192.0.2.1"}`,
    );
  } finally {
    await phone.unregister();
  }
  const { host } = gateway.farEnd.phoneAddress();
  expectWire(
    await gateway.http.get(`/api/api.php?username=voipsun&password=secretpwd&action=originate&srcExtenInternalNum=101&dstNum=800123456&checkIpHost=${phone.host}`),
    `{"success":"false","errno":"210","reason":"SIP host IP address mismatch. Channel PJSIP/sip101 is registered from IP ${host} but requested IP address is ${phone.host}"}`,
  );
});

test('the engine’s own view agrees: the registered lines are the online endpoints', async () => {
  const { body } = await gateway.engineAri('GET', '/endpoints');
  const online = (body as Array<{ technology: string; resource: string; state: string }>)
    .filter((endpoint) => endpoint.state === 'online')
    .map((endpoint) => endpoint.resource);
  expect(online).toEqual(expect.arrayContaining(['sip100', 'sip101', 'sip102', 'upc']));
  expect(online).not.toContain('sip100b');
});

test('errno 100: an API user without the SIP status permission', async () => {
  expectWire(await gateway.http.get('/api/api.php?username=lister&password=listpwd&action=sipstatus'), E100);
});

import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { E100, expectWire } from '../support/wire-expect';

/**
 * sipstatus end to end: the demo tenant's extension lines 5, 6, 7 (sip100,
 * sip101, sip102, registered) and trunk 1 (upc), plus extension 9 (sip100b)
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

const peer = (id: number, user: string, status: string): string =>
  `{"id":${id * 10 + 2},"type":"extension_line","user":"${user}","host":"(Unspecified)","port":"0","status":"${status}","useragent":"","regcontact":"","registry":null,"extension_line_id":"${id}"}`;

test('…&action=sipstatus lists every extension line by id, then every trunk, with what the engine reaches, in the document’s shape', async () => {
  const trunk = '{"id":11,"type":"sip","user":"upc","host":"(Unspecified)","port":"0","status":"OK","useragent":"","regcontact":"","registry":null,"sip_id":"1"}';
  const body = `{"total":5,"results":[${peer(5, 'sip100', 'OK')},${peer(6, 'sip101', 'OK')},${peer(7, 'sip102', 'OK')},${peer(9, 'sip100b', 'UNKNOWN')},${trunk}],"success":true,"_debug":false}`;
  expectWire(await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=sipstatus'), body);
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

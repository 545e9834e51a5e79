import supertest from 'supertest';
import { appWith, createVoipsunCore, storeLiveCall, type VoipsunCore } from '../support/voipsun-core';
import { BASE, E120, E620, E630, E631, E632, E633, E635, E636, E900, expectWire } from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

const AGENT = 'agentNumber=1000&agentPin=1234';
const status = (): string => `${BASE}&action=agentstatus&${AGENT}`;
const loggedIn = (line: string): string => `{"success":"true","reason":"Agent 1000 is logged in. ${line}"}`;

async function login(): Promise<void> {
  await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`);
}

/** What the engine says of extension 100's device (PJSIP/sip100). */
function device100(online: boolean, channelIds: string[]): void {
  fake.t.pbx.endpointList = fake.t.pbx.endpointList.map((endpoint) => (endpoint.resource === 'sip100' ? { ...endpoint, online, channelIds } : endpoint));
}

/** A call of the gateway's own with a leg on sip100 in `state`: the channel is that leg's. */
async function legOn100(state: 'dialing' | 'ringing' | 'up'): Promise<string> {
  const { legs } = await storeLiveCall(fake.t, 'c-line', [{ channelName: 'PJSIP/sip100-00000001', state }], fake.t.clock.now());
  return legs[0]!.id;
}

describe('agentstatus (valid JSON where the document prints a colon for the comma)', () => {
  test('a logged-out agent', async () => {
    expectWire(await http.get(status()), '{"success":"true","reason":"Agent 1000 is logged out."}');
  });

  test('a logged-in agent on a free line', async () => {
    await login();
    expectWire(await http.get(status()), loggedIn('Line is free'));
  });

  test.each([
    ['up', 'Line is In use'],
    ['ringing', 'Line is ringing'],
    ['dialing', 'Line is not free'],
  ] as const)('a line with the gateway’s leg %s: %s', async (state, line) => {
    await login();
    device100(true, [await legOn100(state)]);
    expectWire(await http.get(status()), loggedIn(line));
  });

  test('a channel the gateway did not place: Line is busy', async () => {
    await login();
    device100(true, ['1714557600.99']);
    expectWire(await http.get(status()), loggedIn('Line is busy'));
  });

  test('an unregistered device, and one the engine does not know: Line is unavailable', async () => {
    await login();
    device100(false, []);
    expectWire(await http.get(status()), loggedIn('Line is unavailable'));
    fake.t.pbx.endpointList = [];
    expectWire(await http.get(status()), loggedIn('Line is unavailable'));
  });

  test('agentstatusLegacyMalformed answers the document’s bytes (here with PHP’s default content type, as such clients expect)', async () => {
    const html = 'text/html; charset=UTF-8';
    const legacy = supertest(appWith(fake, { agentstatusLegacyMalformed: true, contentType: html }));
    expectWire(await legacy.get(status()), '{"success":"true":"reason":"Agent 1000 is logged out."}', html);
    await login();
    expectWire(await legacy.get(status()), '{"success":"true":"reason":"Agent 1000 is logged in. Line is free"}', html);
    expectWire(await legacy.get(`${BASE}&action=agentstatus&agentNumber=1000&agentPin=0`), E620, html);
  });

  test('errno 620: agent or PIN wrong; 120: either missing', async () => {
    expectWire(await http.get(`${BASE}&action=agentstatus&agentNumber=1000&agentPin=4321`), E620);
    expectWire(await http.get(`${BASE}&action=agentstatus&agentNumber=1001&agentPin=1234`), E620);
    expectWire(await http.get(`${BASE}&action=agentstatus&agentNumber=1000`), E120);
  });

  test('errno 900 for a logged-in agent while the engine, which knows the line, is away', async () => {
    await login();
    fake.t.pbx.setAvailable(false);
    expectWire(await http.get(status()), E900);
  });
});

describe('agentstatus with agentstatusLineErrors: the line’s errno when it is not free', () => {
  let strict: ReturnType<typeof supertest>;
  beforeEach(() => {
    strict = supertest(appWith(fake, { agentstatusLineErrors: true }));
  });

  test('free and logged out are still answered as success', async () => {
    expectWire(await strict.get(status()), '{"success":"true","reason":"Agent 1000 is logged out."}');
    await login();
    expectWire(await strict.get(status()), loggedIn('Line is free'));
  });

  test('630 unreachable (no such device), 631 unavailable (not registered)', async () => {
    await login();
    fake.t.pbx.endpointList = [];
    expectWire(await strict.get(status()), E630);
    fake.t.pbx.endpointList = [{ endpoint: 'PJSIP/sip100', technology: 'PJSIP', resource: 'sip100', online: false, channelIds: [] }];
    expectWire(await strict.get(status()), E631);
  });

  test.each([
    ['up', E632],
    ['ringing', E633],
    ['dialing', E635],
  ] as const)('the gateway’s leg %s', async (state, body) => {
    await login();
    device100(true, [await legOn100(state)]);
    expectWire(await strict.get(status()), body);
  });

  test('636 busy: a channel the gateway did not place', async () => {
    await login();
    device100(true, ['1714557600.99']);
    expectWire(await strict.get(status()), E636);
  });
});

import supertest from 'supertest';
import { apiUser, appWith, createVoipsunCore, extension, type VoipsunCore } from '../support/voipsun-core';
import {
  BASE,
  E100,
  E120,
  E500,
  E501,
  E502,
  E503,
  E504,
  E550,
  E580,
  E590,
  E600,
  E601,
  E610,
  E611,
  expectWire,
  SUCCESS,
} from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

const AGENT = 'agentNumber=1000&agentPin=1234';
const login = async (): Promise<void> => expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`), SUCCESS);
const queuesOf = (agentId: string): Promise<string[]> => fake.core.queuesOfAgent(agentId);

describe('agentlogin', () => {
  test('the document’s example logs agent 1000 in from extension 100, whose phone it rings for queue calls', async () => {
    await login();
    const session = await fake.core.getAgentSession('1000');
    expect(session).toMatchObject({ agentId: '1000', state: 'ready', device: 'PJSIP/sip100', phoneNumber: '100', loginVia: 'voipsun' });
  });

  test.each([
    ['srcExtenPublicNum=299299000'],
    ['srcExtenId=5'],
    ['srcSipUsername=sip100'],
    ['srcExtenInternalNum=100&dialplanName=default'],
  ])('the extension named by %s', async (selector) => {
    expectWire(await http.get(`${BASE}&action=agentlogin&${selector}&${AGENT}`), SUCCESS);
    expect((await fake.core.getAgentSession('1000'))?.device).toBe('PJSIP/sip100');
  });

  test('logging in again from the same extension keeps the session; from another one moves it there', async () => {
    await login();
    const first = await fake.core.getAgentSession('1000');
    await login();
    expect((await fake.core.getAgentSession('1000'))?.sessionId).toBe(first?.sessionId);
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=101&${AGENT}`), SUCCESS);
    expect((await fake.core.getAgentSession('1000'))?.device).toBe('PJSIP/sip101');
  });

  test('errno 120: agent number, PIN or extension missing or empty', async () => {
    for (const query of ['srcExtenInternalNum=100&agentPin=1234', 'srcExtenInternalNum=100&agentNumber=1000', `${AGENT}`, 'srcExtenInternalNum=100&agentNumber=&agentPin=1234', `srcExtenInternalNum=&${AGENT}`]) {
      expectWire(await http.get(`${BASE}&action=agentlogin&${query}`), E120);
    }
    expect(await fake.core.getAgentSession('1000')).toBeNull();
  });

  test('errno 501: more than one extension named (the document’s reason ends with a full stop)', async () => {
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&srcExtenId=5&${AGENT}`), E501);
  });

  test('errno 502: the internal number is in several dial plans; 504: the dial plan named is unknown', async () => {
    await fake.t.store.direct.extensions.upsert(extension(9, '100', '299299009', 'sip100b', 'branch'));
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`), E502);
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&dialplanName=nowhere&${AGENT}`), E504);
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&dialplanName=branch&${AGENT}`), SUCCESS);
    expect((await fake.core.getAgentSession('1000'))?.device).toBe('PJSIP/sip100b');
  });

  test('errno 503: no such extension (checked before the agent)', async () => {
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=999&agentNumber=4711&agentPin=0`), E503);
  });

  test('errno 500: unknown agent, wrong PIN, or an overlong PIN', async () => {
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&agentNumber=4711&agentPin=1234`), E500);
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&agentNumber=1000&agentPin=9999`), E500);
    expectWire(await http.get(`${BASE}&action=agentlogin&srcExtenInternalNum=100&agentNumber=1000&agentPin=${'1'.repeat(300)}`), E500);
    expect(await fake.core.getAgentSession('1000')).toBeNull();
  });

  test('errno 100: an API user without the "Call center" permission; one with it may', async () => {
    const lister = '/api/api.php?username=lister&password=listpwd';
    expectWire(await http.get(`${lister}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`), E100);
    expect(await fake.core.getAgentSession('1000')).toBeNull();
    const centre = '/api/api.php?username=centre&password=centrepwd';
    expectWire(await http.get(`${centre}&action=agentlogin&srcExtenInternalNum=100&${AGENT}`), SUCCESS);
  });
});

describe('agentlogout', () => {
  test('the document’s example logs the agent out; an agent logged out already stays so', async () => {
    await login();
    expectWire(await http.get(`${BASE}&action=agentlogout&${AGENT}`), SUCCESS);
    expect(await fake.core.getAgentSession('1000')).toBeNull();
    expectWire(await http.get(`${BASE}&action=agentlogout&${AGENT}`), SUCCESS);
  });

  test('errno 120 and 550', async () => {
    expectWire(await http.get(`${BASE}&action=agentlogout&agentNumber=1000`), E120);
    expectWire(await http.get(`${BASE}&action=agentlogout&agentNumber=1000&agentPin=1`), E550);
    expectWire(await http.get(`${BASE}&action=agentlogout&agentNumber=77&agentPin=1234`), E550);
  });
});

describe('agentpause and agentunpause', () => {
  test('the document’s examples pause and unpause the agent, in the queues too; repeating either changes nothing', async () => {
    await login();
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT`), SUCCESS);
    expectWire(await http.get(`${BASE}&action=agentpause&${AGENT}`), SUCCESS);
    expect((await fake.core.getAgentSession('1000'))?.state).toBe('paused');
    expect((await fake.core.getQueue('FrontaIT'))?.members[0]?.paused).toBe(true);
    expectWire(await http.get(`${BASE}&action=agentpause&${AGENT}`), SUCCESS);
    expectWire(await http.get(`${BASE}&action=agentunpause&${AGENT}`), SUCCESS);
    expect((await fake.core.getAgentSession('1000'))?.state).toBe('ready');
    expect((await fake.core.getQueue('FrontaIT'))?.members[0]?.paused).toBe(false);
    expectWire(await http.get(`${BASE}&action=agentunpause&${AGENT}`), SUCCESS);
  });

  test('errno 580 / 590: agent or PIN wrong, or the agent not logged in', async () => {
    expectWire(await http.get(`${BASE}&action=agentpause&agentNumber=1000&agentPin=0`), E580);
    expectWire(await http.get(`${BASE}&action=agentpause&${AGENT}`), E580);
    expectWire(await http.get(`${BASE}&action=agentunpause&agentNumber=1000&agentPin=0`), E590);
    expectWire(await http.get(`${BASE}&action=agentunpause&${AGENT}`), E590);
  });

  test('errno 120 without number or PIN', async () => {
    expectWire(await http.get(`${BASE}&action=agentpause&agentPin=1234`), E120);
    expectWire(await http.get(`${BASE}&action=agentunpause&agentNumber=1000&agentPin=`), E120);
  });
});

describe('agentadd and agentremove', () => {
  test('the document’s example adds the agent to FrontaIT with penalty 1; agentremove takes it out', async () => {
    await login();
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT&penalty=1`), SUCCESS);
    expect((await fake.core.getQueue('FrontaIT'))?.members).toEqual([expect.objectContaining({ agentId: '1000', penalty: 1, membership: 'dynamic' })]);
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT&penalty=3`), SUCCESS);
    expect((await fake.core.getQueue('FrontaIT'))?.members[0]?.penalty).toBe(3);
    expectWire(await http.get(`${BASE}&action=agentremove&${AGENT}&queueName=FrontaIT`), SUCCESS);
    expect(await queuesOf('1000')).toEqual([]);
    expectWire(await http.get(`${BASE}&action=agentremove&${AGENT}&queueName=FrontaIT`), SUCCESS);
  });

  test('without a penalty the agent joins with penalty 0; logging out leaves the queue', async () => {
    await login();
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT`), SUCCESS);
    expect((await fake.core.getQueue('FrontaIT'))?.members[0]?.penalty).toBe(0);
    expectWire(await http.get(`${BASE}&action=agentlogout&${AGENT}`), SUCCESS);
    expect(await queuesOf('1000')).toEqual([]);
  });

  test('errno 120: number, PIN or queue missing, or a penalty that is not a whole number', async () => {
    await login();
    for (const query of [`${AGENT}`, `${AGENT}&queueName=`, 'agentNumber=1000&queueName=FrontaIT', `${AGENT}&queueName=FrontaIT&penalty=-1`, `${AGENT}&queueName=FrontaIT&penalty=1.5`, `${AGENT}&queueName=FrontaIT&penalty=99999`]) {
      expectWire(await http.get(`${BASE}&action=agentadd&${query}`), E120);
    }
    expectWire(await http.get(`${BASE}&action=agentremove&${AGENT}`), E120);
    expect(await queuesOf('1000')).toEqual([]);
  });

  test('errno 600 / 610 name the queue not found (before the agent is checked)', async () => {
    expectWire(await http.get(`${BASE}&action=agentadd&agentNumber=1000&agentPin=0&queueName=FrontaABC`), E600('FrontaABC'));
    expectWire(await http.get(`${BASE}&action=agentremove&agentNumber=1000&agentPin=0&queueName=FrontaABC`), E610('FrontaABC'));
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=${encodeURIComponent('"Fronta"/x')}`), '{"success":"false","errno":"600","reason":"Queue \\"Fronta\\"/x not found!"}');
  });

  test('errno 601 / 611: agent or PIN wrong, or the agent not logged in', async () => {
    expectWire(await http.get(`${BASE}&action=agentadd&agentNumber=1000&agentPin=0&queueName=FrontaIT`), E601);
    expectWire(await http.get(`${BASE}&action=agentadd&${AGENT}&queueName=FrontaIT`), E601);
    expectWire(await http.get(`${BASE}&action=agentremove&agentNumber=1000&agentPin=0&queueName=FrontaIT`), E611);
    expectWire(await http.get(`${BASE}&action=agentremove&${AGENT}&queueName=FrontaIT`), E611);
  });
});

describe('the "Call center" permission', () => {
  test.each([
    ['agentlogin', `srcExtenInternalNum=100&${AGENT}`],
    ['agentlogout', AGENT],
    ['agentpause', AGENT],
    ['agentunpause', AGENT],
    ['agentadd', `${AGENT}&queueName=FrontaIT`],
    ['agentremove', `${AGENT}&queueName=FrontaIT`],
    ['agentstatus', AGENT],
    ['queuestatus', 'queueName=FrontaIT'],
  ])('%s without it is errno 100 (before its parameters are looked at), with it runs', async (action, query) => {
    expectWire(await http.get(`/api/api.php?username=lister&password=listpwd&action=${action}&${query}`), E100);
    expectWire(await http.get(`/api/api.php?username=lister&password=listpwd&action=${action}`), E100);
    await login();
    const answer = await http.get(`/api/api.php?username=centre&password=centrepwd&action=${action}&${query}`);
    expect(answer.text.startsWith('{"success":"true"')).toBe(true);
  });

  test('"Call center" is matched ignoring case and punctuation, and the action’s own name grants that action only', async () => {
    await fake.t.store.direct.apiUsers.upsert(apiUser('cc', 'ccpwd', ['call_center']));
    await fake.t.store.direct.apiUsers.upsert(apiUser('statusonly', 'statuspwd', ['agentstatus']));
    const loggedOut = '{"success":"true","reason":"Agent 1000 is logged out."}';
    expectWire(await http.get(`/api/api.php?username=cc&password=ccpwd&action=agentstatus&${AGENT}`), loggedOut);
    expectWire(await http.get(`/api/api.php?username=statusonly&password=statuspwd&action=agentstatus&${AGENT}`), loggedOut);
    expectWire(await http.get(`/api/api.php?username=statusonly&password=statuspwd&action=agentpause&${AGENT}`), E100);
  });
});

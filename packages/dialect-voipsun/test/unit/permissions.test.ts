import supertest from 'supertest';
import { apiUser, appWith, createVoipsunCore, type VoipsunCore } from '../support/voipsun-core';
import { E100, expectWire } from '../support/wire-expect';

// Per-user rights (the "HTTP API users" page): every action asks its one
// right, and a user holding every right but that one is answered errno 100
// with nothing done; holding that right alone gets past the check.

const RIGHTS = ['Originate', 'Hang up call', 'Call list', 'Eavesdrop', 'SIP status', 'Call center', 'Move audio recordings'] as const;

/** Each action, the right it asks, and a request it would otherwise act on. */
const ACTIONS: ReadonlyArray<[action: string, right: (typeof RIGHTS)[number], query: string]> = [
  ['originate', 'Originate', 'srcExtenId=5&dstNum=800123456'],
  ['dial', 'Originate', 'dstNum=800123456&outrouteName=upc&context=default'],
  ['hangupcall', 'Hang up call', 'channelName=PJSIP/sip100-00000001'],
  ['listcalls', 'Call list', ''],
  ['spying', 'Eavesdrop', 'srcExtenId=5&dstExtenId=6'],
  ['sipstatus', 'SIP status', ''],
  ['agentlogin', 'Call center', 'agent=1000&pin=1234&srcExtenId=5'],
  ['agentlogout', 'Call center', 'agent=1000'],
  ['agentpause', 'Call center', 'agent=1000'],
  ['agentunpause', 'Call center', 'agent=1000'],
  ['agentadd', 'Call center', 'agent=1000&queue=FrontaIT'],
  ['agentremove', 'Call center', 'agent=1000&queue=FrontaIT'],
  ['agentstatus', 'Call center', 'agent=1000'],
  ['queuestatus', 'Call center', 'queue=FrontaIT'],
  ['moverecord', 'Move audio recordings', 'cdrId=1&filename=new_record.wav'],
];

const slug = (right: string): string => right.toLowerCase().replace(/[^a-z]/g, '');

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  for (const right of RIGHTS) {
    await fake.t.store.direct.apiUsers.upsert(apiUser(`without-${slug(right)}`, 'pwd', RIGHTS.filter((other) => other !== right)));
    await fake.t.store.direct.apiUsers.upsert(apiUser(`only-${slug(right)}`, 'pwd', [right]));
  }
  http = supertest(appWith(fake));
});

const call = (user: string, action: string, query: string) => http.get(`/api/api.php?username=${user}&password=pwd&action=${action}&${query}`);

describe.each(ACTIONS)('%s (right: %s)', (action, right, query) => {
  test('a user holding every right but this one: errno 100, nothing done', async () => {
    expectWire(await call(`without-${slug(right)}`, action, query), E100);
    expect(fake.clickToCalls).toEqual([]);
    expect(fake.hangups).toEqual([]);
    expect(fake.t.pbx.commands).toEqual([]);
    expect(await fake.core.getAgentSession('1000')).toBeNull();
    expect((await fake.core.getQueue('FrontaIT'))?.members).toEqual([]);
  });

  test('a user holding this right alone gets past the permission check', async () => {
    const response = await call(`only-${slug(right)}`, action, query);
    expect(response.text).not.toBe(E100);
  });
});

describe("an action's own name is a right to that action only", () => {
  beforeEach(async () => {
    await fake.t.store.direct.apiUsers.upsert(apiUser('dialler', 'pwd', ['dial']));
    await fake.t.store.direct.apiUsers.upsert(apiUser('statuses', 'pwd', ['agent_status']));
  });

  test('dial grants dial, not originate', async () => {
    expect((await call('dialler', 'dial', 'dstNum=800123456&outrouteName=upc&context=default')).text).not.toBe(E100);
    expectWire(await call('dialler', 'originate', 'srcExtenId=5&dstNum=800123456'), E100);
    expect(fake.clickToCalls).toEqual([]);
  });

  test('agentstatus (written agent_status) grants agentstatus, not the other call-centre actions', async () => {
    expect((await call('statuses', 'agentstatus', 'agent=1000')).text).not.toBe(E100);
    expectWire(await call('statuses', 'agentlogin', 'agent=1000&pin=1234&srcExtenId=5'), E100);
    expectWire(await call('statuses', 'queuestatus', 'queue=FrontaIT'), E100);
    expect(await fake.core.getAgentSession('1000')).toBeNull();
  });
});

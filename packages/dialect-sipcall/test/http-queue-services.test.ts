import request from 'supertest';
import { agent, queue, queueMember } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { refusal, badRequest } from './support/wire-answers';

const query = (result: string): string =>
  `{"ret":200,"data":{"status":0,"desc":"Query successful","result":${result},"reqtime":1581307099,"rsptime":1581307099},"msg":""}`;
const done = (desc: string): string => `{"ret":200,"data":{"status":0,"desc":"${desc}","reqtime":1581307099,"rsptime":1581307099},"msg":""}`;

describe('Sip_Queue services over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>) => {
    let test = request(buildApp(core)).post('/');
    for (const [name, value] of Object.entries({ token, ...fields })) if (value !== undefined) test = test.field(name, value);
    return test;
  };

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
    const direct = core.t.store.direct;
    await direct.agents.upsert(agent('1000'));
    await direct.queues.upsert(queue('TEST_IN'));
    await direct.queues.upsert(queue('SALESLINE'));
    await direct.queues.putMember('TEST_IN', queueMember('1000'));
  });

  it('GetQueueList: the core queues by name', async () => {
    const response = await send({ service: 'App.Sip_Queue.GetQueueList' });
    expect(response.text).toBe(query('[{"queuename":"SALESLINE"},{"queuename":"TEST_IN"}]'));
  });

  it("SipSignIn: the extension's seat agent is added with the extension's phone, logged in ready, and joins the queue", async () => {
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN', crmid: 'crm-7' })).text).toBe(done('Sign in successful'));
    expect(await core.control.getAgent('sipcall-100')).toMatchObject({ device: 'PJSIP/sip100', attributes: { crmid: 'crm-7' } });
    expect(await core.control.getAgentSession('sipcall-100')).toMatchObject({ state: 'ready', device: 'PJSIP/sip100' });
    expect(await core.control.queuesOfAgent('sipcall-100')).toEqual(['TEST_IN']);
    // Again, and a second queue: one agent, one session, both queues.
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' })).text).toBe(done('Sign in successful'));
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'SALESLINE' })).text).toBe(done('Sign in successful'));
    expect((await core.control.queuesOfAgent('sipcall-100')).sort()).toEqual(['SALESLINE', 'TEST_IN']);
  });

  it('GetQueueSipStatus: seats in joining order, Sip_Call seats by extension, other agents by id; extnumber narrows', async () => {
    await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' });
    const all = await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'TEST_IN' });
    expect(all.text).toBe(query('[{"seatsname":"1000","queuename":"TEST_IN","status":"offline"},{"seatsname":"100","queuename":"TEST_IN","status":"ready"}]'));
    const one = await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'TEST_IN', extnumber: '100' });
    expect(one.text).toBe(query('[{"seatsname":"100","queuename":"TEST_IN","status":"ready"}]'));
  });

  it('SipSignOut: the seat leaves the queue; signing out again, or never signed in, is a success', async () => {
    await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' });
    expect((await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '100', queuename: 'TEST_IN' })).text).toBe(done('Sign out successful'));
    expect(await core.control.queuesOfAgent('sipcall-100')).toEqual([]);
    expect((await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '100', queuename: 'TEST_IN' })).text).toBe(done('Sign out successful'));
    expect((await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '101', queuename: 'TEST_IN' })).text).toBe(done('Sign out successful'));
  });

  it('answers in Chinese with the Chinese setting: sign-in, sign-out, queries, queue missing, extension in no call', async () => {
    const zh = (fields: Record<string, string>) => request(buildApp(core, { language: 'zh', phpJsonEscaping: false })).post('/').type('form').send({ token, ...fields });
    const desc = async (fields: Record<string, string>) => JSON.parse((await zh(fields)).text).data as { desc: string; errors?: unknown };
    expect((await desc({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'TEST_IN' })).desc).toBe('签入成功');
    expect((await desc({ service: 'App.Sip_Queue.SipSignOut', extnumber: '100', queuename: 'TEST_IN' })).desc).toBe('签出成功');
    expect((await desc({ service: 'App.Sip_Queue.GetQueueList' })).desc).toBe('查询成功');
    expect((await desc({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'NOPE' })).errors).toEqual({ code: '1002', codemsg: '队列不存在' });
    expect((await desc({ service: 'App.Sip_Call.HangupCall', extnumber: '100' })).errors).toEqual({ code: '1015', codemsg: '分机未通话' });
    expect((await zh({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'a b' })).text).toBe('{"ret":400,"data":[],"msg":"非法请求：queuename必须是队列名"}');
  });

  it('unknown queue 1002, unknown extension 1012, parameter errors ret 400', async () => {
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'NOPE' })).text).toBe(refusal('1002', 'Queue does not exist'));
    expect((await send({ service: 'App.Sip_Queue.SipSignOut', extnumber: '100', queuename: 'NOPE' })).text).toBe(refusal('1002', 'Queue does not exist'));
    expect((await send({ service: 'App.Sip_Queue.GetQueueSipStatus', queuename: 'NOPE' })).text).toBe(refusal('1002', 'Queue does not exist'));
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '999', queuename: 'TEST_IN' })).text).toBe(refusal('1012', 'Extension does not exist'));
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100' })).text).toBe(badRequest('queuename require, but miss'));
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', queuename: 'TEST_IN' })).text).toBe(badRequest('extnumber require, but miss'));
    expect((await send({ service: 'App.Sip_Queue.SipSignIn', extnumber: '100', queuename: 'a b' })).text).toBe(badRequest('queuename must be the name of a queue'));
    expect(await core.control.getAgent('sipcall-999')).toBeNull();
  });
});

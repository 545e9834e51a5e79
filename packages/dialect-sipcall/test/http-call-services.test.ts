import request from 'supertest';
import { legOf } from '@pbx-gateway/test-support';
import { buildApp, DEMO_COMPANY, demoCore } from './support/app';
import type { SipcallCore } from './support/sipcall-core';
import { refusal, badRequest } from './support/wire-answers';

const CALL_SENT = '{"ret":200,"data":{"status":0,"desc":"Call command sent successfully","reqtime":1581307099,"rsptime":1581307099},"msg":""}';
const HANGUP_SENT = '{"ret":200,"data":{"status":0,"desc":"Hangup command sent successfully","reqtime":1581307099,"rsptime":1581307099},"msg":""}';
const TOKEN_INVALID = '{"ret":600,"data":[],"msg":"Token invalid, please log in again"}';


describe('Sip_Call call services over HTTP', () => {
  let core: SipcallCore;
  let token: string;
  const send = (fields: Record<string, string | undefined>) => {
    let test = request(buildApp(core)).post('/');
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) test = test.field(name, value);
    return test;
  };

  beforeEach(async () => {
    core = await demoCore();
    token = await core.tokenFor(DEMO_COMPANY.id);
  });

  describe('App.Sip_Call.MakeCall', () => {
    const makeCall = (overrides: Record<string, string | undefined> = {}) =>
      send({ service: 'App.Sip_Call.MakeCall', token, extnumber: '100', destnumber: '13333333333', ...overrides });

    it('rings the extension showing the number it will call, then the customer; acknowledged without a call id', async () => {
      const response = await makeCall({ disnumber: '2120280001', userid: 'crm-7', chengshudu: 'A', memberid: 'M1', customuuid: 'c-1' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.text).toBe(CALL_SENT);
      expect(core.clickToCalls).toEqual([
        {
          source: { by: 'internal_number', value: '100' },
          dialplan: null,
          destination: '13333333333',
          sourceCallerId: { number: '13333333333', name: '' },
          destinationCallerId: '2120280001',
          callerIdFromPool: true,
          sourceRingSec: null,
          destinationRingSec: null,
          data: { customuuid: 'c-1', chengshudu: 'A', memberid: 'M1', crmid: 'crm-7' },
          tenant: '2028',
          origin: { dialect: 'sipcall', operation: 'MakeCall', apiUserId: DEMO_COMPANY.id },
        },
      ]);
      expect(core.t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'PJSIP/sip100', callerId: { number: '13333333333' } })]);
    });

    it("leaves the presented number to the extension's own caller id when disnumber is empty", async () => {
      expect((await makeCall({ disnumber: '' })).text).toBe(CALL_SENT);
      expect(core.clickToCalls[0]).toMatchObject({ destinationCallerId: null, data: {} });
    });

    it.each([
      ['extnumber missing', { extnumber: undefined }, 'extnumber require, but miss'],
      ['extnumber not an extension number', { extnumber: '10 0' }, 'extnumber must be an extension number'],
      ['extnumber too long', { extnumber: '1'.repeat(33) }, 'extnumber.len should <= 32, but now extnumber.len = 33'],
      ['destnumber missing', { destnumber: '' }, 'destnumber require, but miss'],
      ['destnumber with a control character', { destnumber: '133\u0001' }, 'destnumber contains invalid characters'],
      ['disnumber not a number', { disnumber: 'abc' }, 'disnumber must be a phone number'],
      ['userid too long', { userid: 'u'.repeat(65) }, 'userid.len should <= 64, but now userid.len = 65'],
      ['customuuid too long', { customuuid: 'c'.repeat(256) }, 'customuuid.len should <= 255, but now customuuid.len = 256'],
    ])('%s: ret 400', async (_case, overrides, msg) => {
      expect((await makeCall(overrides)).text).toBe(badRequest(msg));
      expect(core.clickToCalls).toEqual([]);
    });

    it('checks the parameters before the token, then the token', async () => {
      expect((await makeCall({ extnumber: undefined, token: 'nope' })).text).toBe(badRequest('extnumber require, but miss'));
      expect((await makeCall({ token: 'nope' })).text).toBe(TOKEN_INVALID);
    });

    it('an unknown extension: 1012; an undialable number: 1002; no trunk: 1003; the engine away: 1001', async () => {
      expect((await makeCall({ extnumber: '999' })).text).toBe(refusal('1012', 'Extension does not exist'));
      expect((await makeCall({ destnumber: '12ab' })).text).toBe(refusal('1002', 'Invalid number'));
      core.t.pbx.setAvailable(false);
      expect((await makeCall()).text).toBe(refusal('1001', 'Could not connect to the telephony server'));
      const trunkless = await demoCore({ trunks: false });
      const noLine = await request(buildApp(trunkless))
        .post('/')
        .type('form')
        .send({ service: 'App.Sip_Call.MakeCall', token: await trunkless.tokenFor(DEMO_COMPANY.id), extnumber: '100', destnumber: '13333333333' });
      expect(noLine.text).toBe(refusal('1003', 'No line available'));
    });

    it('the engine refusing to ring the extension: 1003', async () => {
      core.t.pbx.failNext('originate');
      expect((await makeCall()).text).toBe(refusal('1003', 'Command failed to send'));
    });

    it('answers in Chinese with the Chinese setting', async () => {
      const response = await request(buildApp(core, { language: 'zh', phpJsonEscaping: false }))
        .post('/')
        .type('form')
        .send({ service: 'App.Sip_Call.MakeCall', token, extnumber: '100', destnumber: '13333333333' });
      expect(response.text).toBe('{"ret":200,"data":{"status":0,"desc":"呼叫命令发送成功","reqtime":1581307099,"rsptime":1581307099},"msg":""}');
    });
  });

  describe('App.Sip_Call.MakePloyCall', () => {
    const makePloyCall = (overrides: Record<string, string | undefined> = {}) =>
      send({ service: 'App.Sip_Call.MakePloyCall', token, extnumber: '100', destnumber: '13333333333', ...overrides });

    it("places the call as MakeCall does, under its own name; the presented number from the trunk's pool", async () => {
      const response = await makePloyCall({ userid: 'crm-7', customuuid: 'p-1' });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json;charset=utf-8');
      expect(response.text).toBe(CALL_SENT);
      expect(core.clickToCalls).toEqual([
        expect.objectContaining({
          source: { by: 'internal_number', value: '100' },
          destination: '13333333333',
          sourceCallerId: { number: '13333333333', name: '' },
          destinationCallerId: null,
          callerIdFromPool: true,
          data: { customuuid: 'p-1', crmid: 'crm-7' },
          tenant: '2028',
          origin: { dialect: 'sipcall', operation: 'MakePloyCall', apiUserId: DEMO_COMPANY.id },
        }),
      ]);
      expect(core.t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'PJSIP/sip100' })]);
      // The service name ignores case, as PHP's class and method names do.
      expect((await send({ service: 'app.sip_call.makeploycall', token, extnumber: '100', destnumber: '13333333333' })).text).toBe(CALL_SENT);
    });

    it("MakeCall's parameter errors, the token after them, and its refusals", async () => {
      expect((await makePloyCall({ extnumber: undefined })).text).toBe(badRequest('extnumber require, but miss'));
      expect((await makePloyCall({ disnumber: 'abc' })).text).toBe(badRequest('disnumber must be a phone number'));
      expect((await makePloyCall({ destnumber: '', token: 'nope' })).text).toBe(badRequest('destnumber require, but miss'));
      expect((await makePloyCall({ token: 'nope' })).text).toBe(TOKEN_INVALID);
      expect((await makePloyCall({ extnumber: '999' })).text).toBe(refusal('1012', 'Extension does not exist'));
      expect(core.clickToCalls).toEqual([]);
    });

    it('answers in Chinese with the Chinese setting', async () => {
      const response = await request(buildApp(core, { language: 'zh' })).post('/').type('form').send({ service: 'App.Sip_Call.MakePloyCall', token, extnumber: '100', destnumber: '13333333333' });
      expect(JSON.parse(response.text).data.desc).toBe('呼叫命令发送成功');
    });
  });

  describe('App.Sip_Call.DoubleCall', () => {
    const doubleCall = (overrides: Record<string, string | undefined> = {}) =>
      send({ service: 'App.Sip_Call.DoubleCall', token, extnumber: '100', anumber: '13800000001', bnumber: '13333333333', ...overrides });

    it("calls the staff mobile first over the trunk, then the customer, as the extension's call", async () => {
      const response = await doubleCall({ disnumber: '2120280001', ext: 'grade-A', userid: 'crm-7', memberid: 'M1', customuuid: 'd-1' });
      expect(response.text).toBe(CALL_SENT);
      expect(core.clickToCalls).toEqual([
        {
          source: { by: 'internal_number', value: '100' },
          sourceNumber: '13800000001',
          dialplan: null,
          destination: '13333333333',
          sourceCallerId: { number: '2120280001', name: '' },
          destinationCallerId: '2120280001',
          callerIdFromPool: true,
          sourceRingSec: null,
          destinationRingSec: null,
          data: { customuuid: 'd-1', chengshudu: 'grade-A', memberid: 'M1', crmid: 'crm-7' },
          tenant: '2028',
          origin: { dialect: 'sipcall', operation: 'DoubleCall', apiUserId: DEMO_COMPANY.id },
        },
      ]);
      expect(core.t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'PJSIP/13800000001@upc' })]);
    });

    it.each([
      ['extnumber missing', { extnumber: undefined }, 'extnumber require, but miss'],
      ['anumber missing', { anumber: undefined }, 'anumber require, but miss'],
      ['bnumber missing', { bnumber: '' }, 'bnumber require, but miss'],
      ['anumber too long', { anumber: '1'.repeat(40) }, 'anumber.len should <= 32, but now anumber.len = 40'],
      ['ext too long', { ext: 'e'.repeat(65) }, 'ext.len should <= 64, but now ext.len = 65'],
    ])('%s: ret 400', async (_case, overrides, msg) => {
      expect((await doubleCall(overrides)).text).toBe(badRequest(msg));
    });

    it('an undialable staff number or customer number: 1002; an unknown extension: 1012', async () => {
      expect((await doubleCall({ anumber: 'x1' })).text).toBe(refusal('1002', 'Invalid number'));
      expect((await doubleCall({ bnumber: 'x1' })).text).toBe(refusal('1002', 'Invalid number'));
      expect((await doubleCall({ extnumber: '999' })).text).toBe(refusal('1012', 'Extension does not exist'));
      expect(core.t.pbx.originated()).toEqual([]);
    });
  });

  describe('App.Sip_Call.HangupCall', () => {
    const hangup = (extnumber: string | undefined) => send({ service: 'App.Sip_Call.HangupCall', token, extnumber });
    const makeCall = () => send({ service: 'App.Sip_Call.MakeCall', token, extnumber: '100', destnumber: '13333333333' });

    it("hangs up the extension's phone in its call", async () => {
      await makeCall();
      const callId = (await core.control.listLiveCalls())[0]!.call.id;
      const source = await legOf(core.t, callId, 'source');
      await core.t.ring(source.id);
      core.t.pbx.clearCommands();
      expect((await hangup('100')).text).toBe(HANGUP_SENT);
      expect(core.t.pbx.describe()).toEqual([`hangup ${source.id}`]);
    });

    it("hangs up every leg of a two-way call of the extension, which has no phone of its own in it", async () => {
      await send({ service: 'App.Sip_Call.DoubleCall', token, extnumber: '100', anumber: '13800000001', bnumber: '13333333333' });
      const callId = (await core.control.listLiveCalls())[0]!.call.id;
      const source = await legOf(core.t, callId, 'source');
      await core.t.answer(source.id);
      const destination = await legOf(core.t, callId, 'destination');
      core.t.pbx.clearCommands();
      expect((await hangup('100')).text).toBe(HANGUP_SENT);
      expect(core.t.pbx.describe()).toEqual([`hangup ${source.id}`, `hangup ${destination.id}`]);
    });

    it('an extension in no call: 1015; an unknown one: 1012; no extnumber: ret 400', async () => {
      expect((await hangup('101')).text).toBe(refusal('1015', 'Extension not in a call'));
      expect((await hangup('999')).text).toBe(refusal('1012', 'Extension does not exist'));
      expect((await hangup(undefined)).text).toBe(badRequest('extnumber require, but miss'));
      expect((await hangup('1/0')).text).toBe(badRequest('extnumber must be an extension number'));
    });
  });
});
